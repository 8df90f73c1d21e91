// zod's schema for a region, apart from region.ts so that code checking a region (the CLI's config
// reading) does not load zod.
import { z } from 'zod';
import { regionPattern } from './region';

export const regionSchema = z.string().regex(regionPattern);
