/** Every conformance case, by family. */
import type { Case } from '../case.js';
import { ELEMENTWISE_CASES } from './elementwise.js';

export const ALL_CASES: readonly Case[] = [...ELEMENTWISE_CASES];
