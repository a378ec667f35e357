// SVG marks that act as buttons: a click, Enter or Space runs the same action.

/** Makes a d3 selection (with role=button and tabindex set) answer click, Enter and Space. */
export function asButton(selection, action) {
  return selection.attr('tabindex', 0).attr('role', 'button').on('click', action).on('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    action();
  });
}
