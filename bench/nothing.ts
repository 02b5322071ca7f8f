/**
 * A Node.js process that does nothing but report its resource use: the cost of starting Node at all,
 * the yardstick of a check of one small workbook (`xeploai check` ÷ this).
 */
import { reportUsageAtExit } from './rusage';

reportUsageAtExit();
