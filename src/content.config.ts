import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';
import { inhoudPad } from './lib/config/inhoud.ts';

/** Editorial pages (over, toegankelijkheid, privacy) written in Markdown by the gemeente, in its content folder. */
const paginas = defineCollection({
  loader: glob({ pattern: '*.md', base: inhoudPad('paginas') }),
  schema: z.object({
    titel: z.string(),
    beschrijving: z.string(),
  }),
});

export const collections = { paginas };
