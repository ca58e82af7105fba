// The browser check of the Schoolbag panel and cards (run by scripts/screenshots, which starts a
// fresh Home Assistant and the simulated schools first). It onboards Home Assistant, adds demo
// accounts through the config flow API, then drives the web UI in Debian's headless Chromium:
// it logs in, opens the Schoolbag sidebar panel the integration registers by itself, checks that
// each student's tab shows the cards with the simulator's data, ticks a homework item and takes
// screenshots. The `custom:schoolbag` dashboard strategy must give the same students.
//
// Environment: HA_URL, SIM_URL, OUT_DIR (screenshots; empty = none), CHROMIUM (executable).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const HA = requiredEnv("HA_URL").replace(/\/$/, "");
const SIM = requiredEnv("SIM_URL").replace(/\/$/, "");
const OUT_DIR = process.env.OUT_DIR ?? "";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const CLIENT_ID = `${HA}/`;
const OWNER = { name: "Claire Martin", username: "parent", password: "schoolbag-demo-1" };
const PANEL = "schoolbag";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
// Chromium flags for a closed network: no lookups that would only fail or wait.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const CARDS = ["schoolbag-day-card", "schoolbag-homework-card", "schoolbag-grades-card"];

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1).padStart(5);
const log = (message) => console.log(`[${seconds()}s] ${message}`);

class CheckFailed extends Error {}

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`screenshots: ${name} is not set`);
  }
  return value;
}

function check(condition, message) {
  if (!condition) {
    throw new CheckFailed(message);
  }
}

// --- Home Assistant's HTTP API ---------------------------------------------------------------

async function http(method, path, body, { token, form = false } = {}) {
  const headers = {};
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  let payload;
  if (body !== undefined) {
    headers["content-type"] = form ? "application/x-www-form-urlencoded" : "application/json";
    payload = form ? new URLSearchParams(body).toString() : JSON.stringify(body);
  }
  const response = await fetch(`${HA}${path}`, { method, headers, body: payload });
  const text = await response.text();
  if (!response.ok) {
    throw new CheckFailed(`${method} ${path} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : {};
}

/** Create the owner, get a token through the login flow, finish the other onboarding steps. */
async function onboard() {
  await http("POST", "/api/onboarding/users", {
    client_id: CLIENT_ID,
    name: OWNER.name,
    username: OWNER.username,
    password: OWNER.password,
    language: "en",
  });
  const flow = await http("POST", "/auth/login_flow", {
    client_id: CLIENT_ID,
    handler: ["homeassistant", null],
    redirect_uri: CLIENT_ID,
  });
  const login = await http("POST", `/auth/login_flow/${flow.flow_id}`, {
    client_id: CLIENT_ID,
    username: OWNER.username,
    password: OWNER.password,
  });
  check(login.type === "create_entry", `the login flow did not log in: ${JSON.stringify(login)}`);
  const tokens = await http(
    "POST",
    "/auth/token",
    { grant_type: "authorization_code", code: login.result, client_id: CLIENT_ID },
    { form: true },
  );
  const token = tokens.access_token;
  check(token, "no access token from /auth/token");
  await http("POST", "/api/onboarding/core_config", {}, { token });
  await http("POST", "/api/onboarding/analytics", {}, { token });
  await http(
    "POST",
    "/api/onboarding/integration",
    { client_id: CLIENT_ID, redirect_uri: CLIENT_ID },
    { token },
  );
  const steps = await http("GET", "/api/onboarding");
  check(
    steps.every((step) => step.done),
    `onboarding not finished: ${JSON.stringify(steps)}`,
  );
  return token;
}

/**
 * Add a Schoolbag account through the config flow REST API. `answers` maps a step id to the
 * form's input, or to a function of the step's result giving it.
 */
async function addAccount(label, answers, token) {
  let result = await http("POST", "/api/config/config_entries/flow", { handler: "schoolbag" }, { token });
  for (let round = 0; round < 10; round++) {
    if (result.type === "create_entry") {
      check(result.result?.state === "loaded", `${label}: entry not loaded (${result.result?.state})`);
      log(`added ${label}: ${result.title}`);
      return result;
    }
    check(
      result.type === "form" || result.type === "menu",
      `${label}: the config flow ended with ${result.type}: ${JSON.stringify(result).slice(0, 400)}`,
    );
    check(
      !result.errors || Object.keys(result.errors).length === 0,
      `${label}: step ${result.step_id} refused the input: ${JSON.stringify(result.errors)}`,
    );
    const answer = answers[result.step_id];
    check(answer !== undefined, `${label}: unexpected config flow step ${result.step_id}`);
    const input = typeof answer === "function" ? answer(result) : answer;
    result = await http("POST", `/api/config/config_entries/flow/${result.flow_id}`, input, { token });
  }
  throw new CheckFailed(`${label}: the config flow did not end`);
}

/** The option of a select field whose label is `label` (the security question's answer). */
function optionValue(result, field, label) {
  const schema = result.data_schema.find((item) => item.name === field);
  const option = schema?.selector?.select?.options?.find((item) => item.label === label);
  check(option, `no option "${label}" in ${JSON.stringify(schema)}`);
  return option.value;
}

/** Every student's default in the students step. */
function defaultStudents(result) {
  const schema = result.data_schema.find((item) => item.name === "students");
  return { students: schema.default };
}

async function addDemoAccounts(token) {
  await addAccount(
    "EcoleDirecte parent demo.parent",
    {
      user: { next_step_id: "ecoledirecte" },
      ecoledirecte: {
        username: "demo.parent",
        password: "demo",
        advanced: { server_url: `${SIM}/v3` },
      },
      challenge: (result) => ({ answer: optionValue(result, "answer", "mars") }),
      students: defaultStudents,
    },
    token,
  );
  await addAccount(
    "Pronote student demonstration",
    {
      user: { next_step_id: "pronote" },
      pronote: { next_step_id: "pronote_password" },
      pronote_password: {
        server_url: `${SIM}/pronote/eleve.html`,
        username: "demonstration",
        password: "pronotevs",
        device_name: "Home Assistant",
      },
    },
    token,
  );
}

async function simulatorRequests(platform) {
  const response = await fetch(`${SIM}/_sim/${platform}/requests`);
  check(response.ok, `the simulator's request list answered HTTP ${response.status}`);
  return (await response.json()).requests;
}

// --- The browser ------------------------------------------------------------------------------

/** Calls Home Assistant's websocket API through the logged-in frontend's own connection. */
async function callWS(page, message) {
  return page.evaluate(
    (msg) => document.querySelector("home-assistant").hass.callWS(msg),
    message,
  );
}

async function waitForFrontend(page) {
  await page.waitForFunction(
    () => {
      const hass = document.querySelector("home-assistant")?.hass;
      return Boolean(hass?.connected && hass.user && hass.states && Object.keys(hass.states).length > 0);
    },
    undefined,
    { timeout: 60_000 },
  );
}

async function logIn(page) {
  await page.goto(`${HA}/`);
  await page.waitForURL(/\/auth\/authorize/, { timeout: 60_000 });
  await page.locator('input[name="username"]').fill(OWNER.username);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.locator('input[name="password"]').press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/auth/"), { timeout: 60_000 });
  await waitForFrontend(page);
  log(`logged in as ${OWNER.username}`);
}

/** The Schoolbag panel, found through the shadow roots of Home Assistant's layout. */
const panel = (page) => page.locator("schoolbag-panel");

/** Open the Schoolbag panel from the sidebar link the integration registered. */
async function openPanel(page) {
  await page.goto(`${HA}/`);
  await waitForFrontend(page);
  const link = page.locator(`ha-sidebar a[href="/${PANEL}"]`);
  await link.waitFor({ state: "visible", timeout: 30_000 }).catch(() => {
    throw new CheckFailed(`the sidebar has no link to /${PANEL}`);
  });
  // The link may sit in the shadow root of a list item whose text is slotted into it.
  const title = await link.evaluate((a) => (a.textContent.trim() || a.getRootNode().host?.textContent || "").trim());
  check(title === "Schoolbag", `the sidebar link to /${PANEL} says "${title}"`);
  await link.click();
  await page.waitForURL((url) => url.pathname === `/${PANEL}`, { timeout: 30_000 });
  await panel(page).locator('[role="tab"]').first().waitFor({ state: "visible", timeout: 30_000 });
  log(`opened the Schoolbag panel from the sidebar`);
}

/** At phone width the sidebar is hidden: the panel's menu button must open it. */
async function checkMenuButton(page) {
  const button = panel(page).locator("ha-menu-button");
  await button.waitFor({ state: "visible", timeout: 10_000 }).catch(async () => {
    const defined = await page.evaluate(() => Boolean(customElements.get("ha-menu-button")));
    throw new CheckFailed(`the panel shows no menu button at phone width (defined: ${defined})`);
  });
  // Home Assistant's drawer holds the sidebar; at phone width it is closed until asked for.
  const drawer = page.locator("ha-drawer");
  const drawerOpen = async (open) => {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      if ((await drawer.evaluate((element) => Boolean(element.open))) === open) {
        return true;
      }
      await page.waitForTimeout(100);
    }
    return false;
  };
  check(await drawerOpen(false), "at phone width, the sidebar is open before the menu button is used");
  await button.click();
  check(await drawerOpen(true), "the panel's menu button did not open the sidebar");
  // Once it has slid in (a drawer still opening ignores taps), a tap beside it closes it.
  await page.locator("ha-drawer aside.mdc-drawer--open:not(.mdc-drawer--opening)").waitFor({ timeout: 10_000 });
  await page.mouse.click(PHONE.width - 10, PHONE.height / 2);
  check(await drawerOpen(false), "the sidebar opened by the menu button did not close");
  await page.waitForTimeout(300);
  log("at phone width, the panel's menu button opens the sidebar");
}

/** The students' tabs of the panel. */
async function panelTabs(page) {
  const tabs = await panel(page)
    .locator('[role="tab"]')
    .evaluateAll((buttons) =>
      buttons.map((button) => ({ path: button.dataset.path, title: button.textContent.trim() })),
    );
  check(tabs.length > 0, "the Schoolbag panel shows no student tab");
  return tabs;
}

/** Show a student's tab (clicking it, or loading /schoolbag#path) and wait for their cards. */
async function openTab(page, tab, { load = false } = {}) {
  if (load) {
    // A new document, not a jump within the page: the panel is opened straight from its URL.
    await page.goto("about:blank");
    await page.goto(`${HA}/${PANEL}#${tab.path}`);
    await waitForFrontend(page);
    // Opened straight from its URL, the panel has Home Assistant's cards and menu button.
    await page
      .waitForFunction(() => ["ha-card", "ha-menu-button"].every((name) => customElements.get(name)), undefined, {
        timeout: 10_000,
      })
      .catch(() => {
        throw new CheckFailed("ha-card or ha-menu-button is not defined on /schoolbag");
      });
  } else {
    await panel(page).locator(`[role="tab"][data-path="${tab.path}"]`).click();
  }
  await panel(page)
    .locator(`[role="tab"][data-path="${tab.path}"][aria-selected="true"]`)
    .waitFor({ timeout: 30_000 })
    .catch(() => {
      throw new CheckFailed(`the tab of ${tab.title} is not selected`);
    });
  const summary = await waitForCards(page, tab.title);
  // The cards are those of this student: one device for all three, named in their headers.
  const devices = await panel(page)
    .locator(".columns > *")
    .evaluateAll((cards) => [...new Set(cards.map((card) => card.config?.device_id))]);
  check(devices.length === 1 && devices[0], `${tab.title}: the cards are of devices ${devices}`);
  const names = await panel(page).locator(".columns .student").allInnerTexts();
  check(
    names.length >= 3 && names.every((name) => name.trim() === tab.title),
    `${tab.title}: the cards are headed ${names.join(", ")}`,
  );
  return summary;
}

async function waitForCards(page, view) {
  const timeout = 45_000;
  for (const card of CARDS) {
    await page
      .locator(card)
      .first()
      .waitFor({ state: "visible", timeout })
      .catch(() => {
        throw new CheckFailed(`view ${view}: ${card} is not on the page`);
      });
  }
  const content = {
    day: page.locator("schoolbag-day-card li.lesson"),
    homework: page.locator("schoolbag-homework-card li.item"),
    grade: page.locator("schoolbag-grades-card .latest .value"),
    averages: page.locator("schoolbag-grades-card li.row"),
  };
  for (const [what, locator] of Object.entries(content)) {
    await locator
      .first()
      .waitFor({ state: "visible", timeout })
      .catch(async () => {
        throw new CheckFailed(`view ${view}: the ${what} card shows no ${what} row: ${await cardTexts(page)}`);
      });
  }
  const errors = await page.locator("schoolbag-day-card .message.error, schoolbag-homework-card .message.error, schoolbag-grades-card .message.error").allInnerTexts();
  check(errors.length === 0, `view ${view}: a card shows an error: ${errors.join(" | ")}`);
  const grade = (await content.grade.first().innerText()).trim();
  check(/\d/.test(grade), `view ${view}: the latest grade shows no number: "${grade}"`);
  const summary = {
    lessons: await content.day.count(),
    marked: await page.locator("schoolbag-day-card li.lesson:not(.normal)").count(),
    homework: await content.homework.count(),
    grade: grade.replace(/\s+/g, ""),
    averages: await content.averages.count(),
  };
  log(
    `view ${view}: ${summary.lessons} lessons (${summary.marked} marked), ` +
      `${summary.homework} homework items, ` +
      `latest grade ${summary.grade}, ${summary.averages} averages`,
  );
  return summary;
}

async function cardTexts(page) {
  const texts = [];
  for (const card of CARDS) {
    const text = await page.locator(card).first().innerText({ timeout: 1000 }).catch(() => "(absent)");
    texts.push(`${card}: ${text.replace(/\s+/g, " ").slice(0, 200)}`);
  }
  return texts.join(" | ");
}

/** Tick the first homework item not done yet and check that the to-do item followed. */
async function tickHomework(page, view) {
  const before = await simulatorRequests("ecoledirecte");
  const item = page.locator("schoolbag-homework-card li.item.needs_action").first();
  await item.waitFor({ state: "visible", timeout: 10_000 }).catch(() => {
    throw new CheckFailed(`view ${view}: no homework item left to tick`);
  });
  const uid = await item.getAttribute("data-uid");
  const summary = (await item.locator(".summary").innerText()).trim();
  const deviceId = await page
    .locator("schoolbag-homework-card")
    .first()
    .evaluate((card) => card.config?.device_id);
  const entityId = await page.evaluate(
    (device) =>
      Object.values(document.querySelector("home-assistant").hass.entities).find(
        (entry) =>
          entry.platform === "schoolbag" &&
          entry.device_id === device &&
          entry.entity_id.startsWith("todo."),
      )?.entity_id ?? null,
    deviceId,
  );
  check(entityId, `view ${view}: cannot find the homework card's to-do entity`);
  const status = async () => {
    const { items } = await callWS(page, { type: "todo/item/list", entity_id: entityId });
    return items.find((entry) => entry.uid === uid)?.status;
  };
  check((await status()) === "needs_action", `${entityId} item ${uid} is not pending before the tick`);
  await item.locator('input[type="checkbox"]').click();
  log(`ticked "${summary}" (${entityId}, item ${uid})`);
  let now;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    now = await status();
    if (now === "completed") {
      break;
    }
    await page.waitForTimeout(250);
  }
  check(now === "completed", `ticking "${summary}" left ${entityId} item ${uid} ${now}`);
  log(`todo/item/list: item ${uid} is completed`);
  await page
    .locator(`schoolbag-homework-card li.item.completed[data-uid="${uid}"] input:checked`)
    .waitFor({ state: "visible", timeout: 10_000 })
    .catch(() => {
      throw new CheckFailed(`the homework card does not show item ${uid} as done after the tick`);
    });
  const after = await simulatorRequests("ecoledirecte");
  const puts = after
    .slice(before.length)
    .filter((request) => request.verbe === "put" && /cahierdetexte/i.test(request.path));
  check(puts.length > 0, "the EcoleDirecte simulator recorded no homework update after the tick");
  log(`the simulator recorded ${puts[0].path}?verbe=put`);
}

/** The dashboard strategy, for those who build their own dashboard, gives the same students. */
async function checkStrategy(page, tabs) {
  const views = await page.evaluate(async () => {
    const strategy = customElements.get("ll-strategy-dashboard-schoolbag");
    const hass = document.querySelector("home-assistant").hass;
    const dashboard = await strategy.generate({ type: "custom:schoolbag" }, hass);
    return dashboard.views.map((view) => ({ path: view.path, title: view.title, cards: view.cards.length }));
  });
  const same = JSON.stringify(views.map(({ path, title }) => ({ path, title }))) === JSON.stringify(tabs);
  check(same, `the strategy's views ${JSON.stringify(views)} are not the panel's tabs ${JSON.stringify(tabs)}`);
  check(views.every((view) => view.cards === 3), `a strategy view lacks cards: ${JSON.stringify(views)}`);
  log(`the custom:schoolbag strategy builds the same ${views.length} views`);
}

async function setLanguage(page, language) {
  await callWS(page, {
    type: "frontend/set_user_data",
    key: "language",
    value: {
      language,
      number_format: "language",
      time_format: "language",
      date_format: "language",
      time_zone: "local",
      first_weekday: "language",
    },
  });
}

async function shoot(page, name) {
  if (!OUT_DIR) {
    return;
  }
  // Let fonts, icons and the cards' last updates settle.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  // A viewport as tall as the page rather than a full-page capture: Home Assistant's sidebar
  // and background are only as tall as the viewport.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height });
    await page.waitForTimeout(300);
  }
  const file = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  log(`screenshot ${file}`);
}

async function main() {
  if (OUT_DIR) {
    mkdirSync(OUT_DIR, { recursive: true });
  }
  const token = await onboard();
  log("onboarded Home Assistant (owner user, token through the login flow)");
  await addDemoAccounts(token);

  // Playwright gives each launch a fresh, temporary user-data-dir and removes it at close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const pageErrors = [];
  try {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: "en-US",
      timezoneId: "Europe/Paris",
      colorScheme: "light",
    });
    const page = await context.newPage();
    // Errors thrown by the cards' code fail the check; Home Assistant's own are only shown.
    page.on("pageerror", (error) => {
      const text = `${error.message}\n${error.stack ?? ""}`;
      if (/schoolbag/i.test(text)) {
        pageErrors.push(error.message);
      } else if (!/Transition was skipped/.test(error.message)) {
        // (A view transition cut short by the next navigation is not worth a line.)
        log(`note: page error outside the cards: ${error.message}`);
      }
    });
    page.on("console", (message) => {
      if (message.type() === "error" && /schoolbag/i.test(message.text())) {
        pageErrors.push(message.text());
      }
    });

    await logIn(page);
    await openPanel(page);
    const tabs = await panelTabs(page);
    log(`the panel has ${tabs.length} tabs: ${tabs.map((tab) => tab.title).join(", ")}`);
    check(tabs.length >= 3, `expected a tab per student (3), got ${tabs.length}`);
    await checkStrategy(page, tabs);

    // Every student's tab shows the three cards with data.
    for (const tab of tabs.slice(1)) {
      await openTab(page, tab);
    }
    const first = tabs[0];
    const pronote = tabs.find((tab) => /L[ée]a/.test(tab.title)) ?? tabs.at(-1);

    // Tick a homework item of the EcoleDirecte student (the simulator records the update).
    await openTab(page, first);
    await tickHomework(page, first.title);

    // Light and dark, desktop and phone width.
    await shoot(page, "desktop-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await waitForCards(page, first.title);
    const dark = await page.evaluate(() => document.querySelector("home-assistant").hass.themes.darkMode);
    check(dark, "the frontend did not switch to the dark theme");
    await shoot(page, "desktop-dark");
    await page.setViewportSize(PHONE);
    await waitForCards(page, first.title);
    await checkMenuButton(page);
    await shoot(page, "phone-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await waitForCards(page, first.title);
    await shoot(page, "phone-light");
    await openTab(page, pronote);
    await shoot(page, "phone-light-pronote");
    await page.setViewportSize(DESKTOP);
    await waitForCards(page, pronote.title);
    await shoot(page, "desktop-light-pronote");

    // French, from the user's profile language; the URL's hash opens the student's tab.
    await setLanguage(page, "fr");
    await openTab(page, first, { load: true });
    await page.waitForFunction(() => document.querySelector("home-assistant")?.hass?.language === "fr", undefined, {
      timeout: 30_000,
    });
    await page
      .locator("schoolbag-homework-card .title", { hasText: "Devoirs" })
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new CheckFailed(`the cards are not in French: ${await cardTexts(page)}`);
      });
    await waitForCards(page, first.title);
    await shoot(page, "desktop-light-fr");
    await openTab(page, pronote);
    await shoot(page, "desktop-light-fr-pronote");
    await openTab(page, first);
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: "dark" });
    await waitForCards(page, first.title);
    await shoot(page, "phone-dark-fr");

    check(pageErrors.length === 0, `the page reported errors: ${pageErrors.join(" | ")}`);
  } finally {
    await browser.close();
  }
}

main().then(
  () => log("browser check passed"),
  (error) => {
    const message = error instanceof CheckFailed ? error.message : error.stack || String(error);
    console.error(`screenshots: FAILED after ${seconds().trim()}s: ${message}`);
    process.exit(1);
  },
);
