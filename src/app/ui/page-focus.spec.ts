import { focusPageHeading } from './page-focus';

describe('focusPageHeading', () => {
  let outlet: HTMLElement;

  beforeEach(() => {
    // A plain element: the real outlet is a web component that manages its own children.
    outlet = document.createElement('div');
    outlet.innerHTML = `
      <div class="ion-page ion-page-hidden"><h1>Behind</h1><button>Old</button></div>
      <div class="ion-page"><ion-title role="heading" aria-level="1">Shown</ion-title>
        <h2>Part</h2><button>Go</button></div>`;
    document.body.appendChild(outlet);
  });
  afterEach(() => outlet.remove());

  it("focuses the shown page's level-1 heading, from script only, not a hidden page's", () => {
    outlet.querySelector<HTMLElement>('.ion-page-hidden button')!.focus();
    focusPageHeading(outlet);
    expect(document.activeElement?.textContent).toBe('Shown');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('prefers an h1 of the page over its toolbar title', () => {
    outlet
      .querySelector('.ion-page:not(.ion-page-hidden)')!
      .insertAdjacentHTML('beforeend', '<h1>Own heading</h1>');
    focusPageHeading(outlet);
    expect(document.activeElement?.textContent).toBe('Own heading');
  });

  it('leaves the focus where the shown page put it', () => {
    const go = outlet.querySelector<HTMLElement>('.ion-page:not(.ion-page-hidden) button')!;
    go.focus();
    focusPageHeading(outlet);
    expect(document.activeElement).toBe(go);
  });
});
