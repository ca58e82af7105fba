// The parts of Home Assistant's frontend `hass` object that the cards use.

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

/** An entity registry display entry (`hass.entities`). */
export interface EntityEntry {
  entity_id: string;
  platform: string;
  device_id?: string | null;
  translation_key?: string | null;
  hidden?: boolean;
}

/** A device registry entry (`hass.devices`). */
export interface DeviceEntry {
  id: string;
  name: string | null;
  name_by_user?: string | null;
}

export type Unsubscribe = () => void;

export interface HomeAssistant {
  states: Record<string, HassEntity>;
  entities: Record<string, EntityEntry>;
  devices: Record<string, DeviceEntry>;
  language: string;
  locale?: {
    language: string;
    time_zone?: "local" | "server";
    time_format?: "language" | "system" | "12" | "24";
  };
  config: { time_zone: string };
  connection: {
    subscribeMessage<T>(
      callback: (message: T) => void,
      message: Record<string, unknown>,
    ): Promise<Unsubscribe>;
  };
  callApi<T>(method: "GET", path: string): Promise<T>;
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
    target?: Record<string, unknown>,
  ): Promise<unknown>;
}

/** What every Schoolbag card's configuration holds. */
export interface SchoolbagCardConfig {
  type: string;
  /** The student's device. */
  device_id?: string;
  /** Homework card: how many days ahead to show. */
  days?: number;
  /** Grades card: how many of the latest grades to show (1 to 10). */
  grades?: number;
}
