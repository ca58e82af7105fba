// The panel's look: Home Assistant's header and background colours (light and dark themes),
// the cards in as many columns as fit, one at phone width.
import { css } from "lit";

export const panelStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--primary-background-color, #fafafa);
    color: var(--primary-text-color, #212121);
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 4;
    padding-top: env(safe-area-inset-top);
    background: var(--app-header-background-color, var(--primary-color, #03a9f4));
    color: var(--app-header-text-color, var(--text-primary-color, #fff));
    border-bottom: var(--app-header-border-bottom, none);
  }
  .toolbar {
    display: flex;
    align-items: center;
    box-sizing: border-box;
    height: var(--header-height, 56px);
    padding: 0 12px;
  }
  .title {
    flex: 1;
    margin-inline-start: 12px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: var(--ha-font-size-xl, 20px);
    font-weight: var(--ha-font-weight-normal, 400);
  }
  .tabs {
    display: flex;
    overflow-x: auto;
    scrollbar-width: none;
    padding: 0 12px;
  }
  .tab {
    flex: none;
    appearance: none;
    background: none;
    border: none;
    border-bottom: 2px solid transparent;
    color: inherit;
    cursor: pointer;
    font: inherit;
    font-size: var(--ha-font-size-m, 14px);
    font-weight: var(--ha-font-weight-medium, 500);
    opacity: 0.75;
    padding: 12px 16px 10px;
    white-space: nowrap;
  }
  .tab[aria-selected="true"] {
    opacity: 1;
    border-bottom-color: currentColor;
  }
  .tab:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: -4px;
  }
  .content {
    box-sizing: border-box;
    max-width: 1600px;
    margin: 0 auto;
    padding: 16px 16px calc(16px + env(safe-area-inset-bottom));
  }
  :host([narrow]) .content {
    padding: 8px 8px calc(8px + env(safe-area-inset-bottom));
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
    align-items: start;
    gap: 16px;
  }
  :host([narrow]) .columns {
    gap: 8px;
  }
  .message {
    display: block;
    padding: 16px;
    color: var(--secondary-text-color, #727272);
  }
`;
