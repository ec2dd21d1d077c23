// A minimal DOM, just enough to run the Stripe.js stand-in in Node for its unit test
// (the real browser test runs in Playwright).

type Listener = (event: FakeEvent) => void;

export interface FakeEvent {
  type: string;
  key?: string;
  shiftKey?: boolean;
  preventDefault: () => void;
}

export class FakeNode {
  readonly style: Record<string, string> = {};
  readonly attributes: Record<string, string> = {};
  readonly children: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  value = "";
  disabled = false;
  className = "";
  private text = "";
  private readonly listeners: Record<string, Listener[]> = {};

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument | null,
  ) {}

  get textContent(): string {
    return this.text + this.children.map((child) => child.textContent).join("");
  }

  set textContent(value: string) {
    this.text = value;
    this.children.length = 0;
  }

  setAttribute(name: string, value: string): void {
    this.attributes[name] = String(value);
  }

  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }

  appendChild(child: FakeNode): FakeNode {
    child.parentNode?.removeChild(child);
    child.parentNode = this;
    this.children.push(child);
    return child;
  }

  removeChild(child: FakeNode): FakeNode {
    this.children.splice(this.children.indexOf(child), 1);
    child.parentNode = null;
    return child;
  }

  addEventListener(type: string, listener: Listener): void {
    (this.listeners[type] ??= []).push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners[type] = (this.listeners[type] ?? []).filter((l) => l !== listener);
  }

  dispatch(type: string, init: Partial<FakeEvent> = {}): void {
    const event: FakeEvent = { type, preventDefault: () => {}, ...init };
    for (const listener of [...(this.listeners[type] ?? [])]) listener(event);
  }

  focus(): void {
    if (this.ownerDocument) this.ownerDocument.activeElement = this;
    this.dispatch("focus");
  }

  blur(): void {
    this.dispatch("blur");
  }

  click(): void {
    this.dispatch("click");
  }

  /** Depth-first search of the subtree. */
  find(predicate: (node: FakeNode) => boolean): FakeNode | null {
    for (const child of this.children) {
      if (predicate(child)) return child;
      const found = child.find(predicate);
      if (found) return found;
    }
    return null;
  }
}

export class FakeDocument extends FakeNode {
  readonly body: FakeNode;
  activeElement: FakeNode | null = null;

  constructor(readonly currentScript: { src: string }) {
    super("#document", null);
    this.body = this.appendChild(new FakeNode("body", this));
  }

  createElement(tag: string): FakeNode {
    return new FakeNode(tag.toUpperCase(), this);
  }

  createTextNode(text: string): FakeNode {
    const node = new FakeNode("#text", this);
    node.textContent = text;
    return node;
  }

  querySelector(): null {
    return null;
  }
}
