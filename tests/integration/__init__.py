"""Home Assistant tests: real config flow and hass fixture against the simulated schools."""
