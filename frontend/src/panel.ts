// The Schoolbag sidebar panel: a tab per student and that student's cards, for every user,
// with no dashboard to make. Home Assistant sets `hass`, `narrow` and `panel` on it.
import { LitElement, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import type { HomeAssistant } from "./hass";
import { localize } from "./localize";
import { panelStyles } from "./panel-styles";
import { studentViews, type LovelaceCardConfig, type StudentView } from "./student-views";

interface CardElement extends HTMLElement {
  hass?: HomeAssistant;
  setConfig?(config: LovelaceCardConfig): void;
}

/** What Home Assistant tells a custom panel about itself. */
export interface PanelInfo {
  title?: string | null;
  url_path?: string;
}

function createCard(config: LovelaceCardConfig): CardElement {
  const card = document.createElement(config.type.replace(/^custom:/, "")) as CardElement;
  card.setConfig?.(config);
  return card;
}

const selectedInUrl = (): string => decodeURIComponent(window.location.hash.slice(1));

export class SchoolbagPanel extends LitElement {
  static override styles = panelStyles;

  @property({ attribute: false }) hass?: HomeAssistant;
  @property({ type: Boolean, reflect: true }) narrow = false;
  @property({ attribute: false }) panel?: PanelInfo;
  /** The chosen student's path, also kept in the URL's hash; the first student by default. */
  @state() private selected = selectedInUrl();

  private views: StudentView[] = [];
  // The registries the views were made from: `hass` changes with every state, they rarely do.
  private viewsFrom?: [HomeAssistant["entities"], HomeAssistant["devices"]];
  private cards: CardElement[] = [];
  private cardsFrom = "";
  private shownPath?: string;
  private readonly onHashChange = (): void => {
    this.selected = selectedInUrl();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHashChange);
    if (window.location.hash) {
      this.onHashChange();
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener("hashchange", this.onHashChange);
    super.disconnectedCallback();
  }

  private get current(): StudentView | undefined {
    return this.views.find((view) => view.path === this.selected) ?? this.views[0];
  }

  protected override willUpdate(): void {
    const hass = this.hass;
    if (!hass) {
      return;
    }
    if (this.viewsFrom?.[0] !== hass.entities || this.viewsFrom[1] !== hass.devices) {
      this.views = studentViews(hass);
      this.viewsFrom = [hass.entities, hass.devices];
    }
    const cards = this.current?.cards ?? [];
    const key = JSON.stringify(cards);
    if (key !== this.cardsFrom) {
      this.cards = cards.map(createCard);
      this.cardsFrom = key;
    }
    for (const card of this.cards) {
      card.hass = hass;
    }
  }

  protected override updated(): void {
    const path = this.current?.path;
    if (path !== this.shownPath) {
      this.shownPath = path;
      // A phone shows few tabs at once: bring the chosen one into sight.
      this.renderRoot
        .querySelector('[role="tab"][aria-selected="true"]')
        ?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    }
  }

  private select(view: StudentView): void {
    this.selected = view.path;
    window.history.replaceState(window.history.state, "", `#${encodeURIComponent(view.path)}`);
  }

  protected override render(): TemplateResult | typeof nothing {
    const hass = this.hass;
    if (!hass) {
      return nothing;
    }
    const current = this.current;
    return html`<div class="header">
        <div class="toolbar">
          <ha-menu-button .hass=${hass} .narrow=${this.narrow}></ha-menu-button>
          <div class="title">${this.panel?.title || "Schoolbag"}</div>
        </div>
        ${this.views.length
          ? html`<div class="tabs" role="tablist" aria-label=${localize(hass, "panel.students")}>
              ${this.views.map(
                (view) =>
                  html`<button
                    class="tab"
                    role="tab"
                    data-path=${view.path}
                    aria-selected=${view === current ? "true" : "false"}
                    @click=${() => this.select(view)}
                  >
                    ${view.name}
                  </button>`,
              )}
            </div>`
          : nothing}
      </div>
      <div class="content" role="tabpanel">${this.body(hass, current)}</div>`;
  }

  private body(hass: HomeAssistant, current: StudentView | undefined): TemplateResult {
    if (!current) {
      return this.message(localize(hass, "editor.no_students"));
    }
    if (this.cards.length === 0) {
      return this.message(localize(hass, "panel.nothing", { name: current.name }));
    }
    return html`<div class="columns">${this.cards}</div>`;
  }

  private message(text: string): TemplateResult {
    return html`<ha-card><div class="message">${text}</div></ha-card>`;
  }
}
