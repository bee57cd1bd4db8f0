// The FAQ page's words: `t(key, params)` over its catalogue.
import { translator } from '../../shared/i18n.js';
import en from './en.js';

export const t = translator(en);
