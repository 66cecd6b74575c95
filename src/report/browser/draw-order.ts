/**
 * When each figure and panel of a report page is drawn. Plotly takes about 0.2 s per figure, so drawing five
 * at once keeps the reader waiting a second for what is on screen. Here the items on the first screen are
 * drawn at once, the others as they scroll near or, one per idle moment, in page order, so that every item is
 * drawn without scrolling; `drawRest` draws whatever is left, for printing, since paper cannot scroll.
 */

export interface DrawItem {
  /** The element the item draws into: where it is on the page decides when it is drawn. */
  element: Element;
  /** Draws the item; called once. */
  draw(): unknown;
}

export interface DrawOrderOptions {
  /** How far beyond the screen's edges, in px, an item starts drawing as the reader scrolls toward it. */
  nearMarginPx?: number;
  /**
   * Longest wait, in ms, for an idle moment before the next item is drawn anyway, so that a page on a busy
   * machine still finishes: the wait adds up once per item. Default 100.
   */
  idleTimeoutMs?: number;
}

export interface DrawOrder {
  /** Settles when the items on the first screen are drawn. */
  firstScreen: Promise<unknown>;
  /** Settles when every item is drawn. */
  all: Promise<unknown>;
  /** How many items were on the first screen. */
  firstScreenCount: number;
  /** Draws every item not drawn yet, at once: print and print preview lay out every page, and paper cannot scroll. */
  drawRest(): void;
}

const byPagePosition = (a: DrawItem, b: DrawItem) =>
  a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

type Win = Window & typeof globalThis;

function onScreen(element: Element, win: Win): boolean {
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < win.innerHeight && box.right > 0 && box.left < win.innerWidth;
}

/** Schedules `fn` for the browser's next idle moment, or soon where the browser has no idle callbacks. */
function whenIdle(win: Win, fn: () => void, timeoutMs: number): void {
  if (typeof win.requestIdleCallback === "function") win.requestIdleCallback(fn, { timeout: timeoutMs });
  else win.setTimeout(fn, 16);
}

export function drawInOrder(items: DrawItem[], win: Win, options: DrawOrderOptions = {}): DrawOrder {
  const nearMarginPx = options.nearMarginPx ?? 1200;
  const idleTimeoutMs = options.idleTimeoutMs ?? 100;
  const queue = items.slice().sort(byPagePosition);
  const drawn = new Map<DrawItem, Promise<unknown>>();
  let observer: IntersectionObserver | undefined;
  let finish: () => void = () => undefined;
  const everyItemStarted = new Promise<void>((resolve) => (finish = resolve));

  const drawOnce = (item: DrawItem): Promise<unknown> => {
    const known = drawn.get(item);
    if (known) return known;
    let done: Promise<unknown>;
    try {
      done = Promise.resolve(item.draw());
    } catch (error) {
      done = Promise.reject(error); // one broken figure must not stop the others
    }
    drawn.set(item, done);
    observer?.unobserve(item.element);
    if (drawn.size === queue.length) {
      observer?.disconnect();
      finish();
    }
    return done;
  };
  const drawRest = () => queue.forEach(drawOnce);

  const first = queue.filter((item) => onScreen(item.element, win));
  const firstScreen = Promise.all(first.map(drawOnce));

  if (drawn.size < queue.length) {
    if (typeof win.IntersectionObserver === "function") {
      const itemOf = new Map(queue.map((item) => [item.element, item]));
      const near = new Set<DrawItem>();
      let scheduled = false;
      // One item per task, in page order, so that scrolling and typing stay responsive between figures.
      const drawNear = () => {
        scheduled = false;
        const next = queue.find((item) => near.has(item) && !drawn.has(item));
        if (!next) return;
        drawOnce(next);
        scheduleNear();
      };
      const scheduleNear = () => {
        if (!scheduled) win.setTimeout(drawNear, 0);
        scheduled = true;
      };
      observer = new win.IntersectionObserver(
        (entries) => {
          entries.forEach((entry) => {
            entry.isIntersecting && near.add(itemOf.get(entry.target) as DrawItem);
          });
          scheduleNear();
        },
        { rootMargin: `${nearMarginPx}px 0px` },
      );
      queue.forEach((item) => {
        !drawn.has(item) && observer?.observe(item.element);
      });
    }
    const drawNextWhenIdle = () =>
      whenIdle(
        win,
        () => {
          const next = queue.find((item) => !drawn.has(item));
          if (!next) return;
          drawOnce(next);
          drawNextWhenIdle();
        },
        idleTimeoutMs,
      );
    drawNextWhenIdle();
  } else finish();

  const all = everyItemStarted.then(() => Promise.all(queue.map(drawOnce)));
  return { firstScreen, all, firstScreenCount: first.length, drawRest };
}
