// The one file the integration serves: defines the cards and lists them in the card picker,
// the sidebar panel and the dashboard strategy.
import { SchoolbagDayCard } from "./day-card";
import { SchoolbagCardEditor } from "./editor";
import { SchoolbagGradesCard } from "./grades-card";
import { SchoolbagHomeworkCard } from "./homework-card";
import { SchoolbagPanel } from "./panel";
import { SchoolbagDashboardStrategy } from "./strategy";
import { en } from "./translations/en";

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

const DOCUMENTATION = "https://github.com/schoolbag-ha/schoolbag#dashboard";

const CARDS: [string, CustomElementConstructor, "day" | "homework" | "grades"][] = [
  ["schoolbag-day-card", SchoolbagDayCard, "day"],
  ["schoolbag-homework-card", SchoolbagHomeworkCard, "homework"],
  ["schoolbag-grades-card", SchoolbagGradesCard, "grades"],
];

function define(name: string, element: CustomElementConstructor): void {
  // Loaded twice (a resource added by hand as well): the first definition stays.
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

define("schoolbag-card-editor", SchoolbagCardEditor);
// The sidebar panel the integration registers (web component of its custom panel).
define("schoolbag-panel", SchoolbagPanel);
// A dashboard with `strategy: {type: custom:schoolbag}` is built by this element.
define("ll-strategy-dashboard-schoolbag", SchoolbagDashboardStrategy);
window.customCards = window.customCards ?? [];
for (const [type, element, kind] of CARDS) {
  define(type, element);
  if (!window.customCards.some((card) => card.type === type)) {
    // The card picker has no language of its own here: names stay in English.
    window.customCards.push({
      type,
      name: en[`${kind}.name`],
      description: en[`${kind}.description`],
      preview: true,
      documentationURL: DOCUMENTATION,
    });
  }
}
