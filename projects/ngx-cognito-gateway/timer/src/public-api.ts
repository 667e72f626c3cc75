export const TIMER_ENTRY_PLACEHOLDER = true;
