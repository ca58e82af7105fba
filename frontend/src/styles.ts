// Shared look: Home Assistant theme variables only (light and dark), fluid at phone width.
import { css } from "lit";

export const cardStyles = css`
  :host {
    display: block;
  }
  ha-card {
    display: block;
    padding: 12px 16px 16px;
    color: var(--primary-text-color, #212121);
    overflow-wrap: anywhere;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    margin-bottom: 8px;
  }
  .title {
    font-size: var(--ha-font-size-xl, 20px);
    font-weight: var(--ha-font-weight-normal, 400);
  }
  .student,
  .secondary {
    color: var(--secondary-text-color, #727272);
    font-size: var(--ha-font-size-s, 12px);
  }
  .message {
    color: var(--secondary-text-color, #727272);
    padding: 8px 0;
  }
  .error {
    color: var(--error-color, #db4437);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    min-width: 0;
  }
  .badge {
    display: inline-block;
    border-radius: 10px;
    padding: 0 8px;
    font-size: var(--ha-font-size-xs, 11px);
    line-height: 18px;
    white-space: nowrap;
    color: var(--text-primary-color, #fff);
    background: var(--badge-color, var(--primary-color, #03a9f4));
  }
  .changed {
    --badge-color: var(--warning-color, #ffa600);
  }
  .cancelled {
    --badge-color: var(--error-color, #db4437);
  }
  .exam {
    --badge-color: var(--info-color, #039be5);
  }
  .exempted {
    --badge-color: var(--disabled-color, #bdbdbd);
  }
`;
