/**
 * How serious an issue is. On its own so that the rule catalogue and the issue records can both name it
 * without importing each other.
 */
export type Severity = 'error' | 'warning';
