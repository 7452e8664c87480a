/** Searching functions (where, nonzero, searchsorted, argwhere, flatnonzero). */
export {};
