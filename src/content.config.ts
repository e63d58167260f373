import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';

/** Editorial pages (over, toegankelijkheid, privacy) written in Markdown by the gemeente. */
const paginas = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/paginas' }),
  schema: z.object({
    titel: z.string(),
    beschrijving: z.string(),
  }),
});

export const collections = { paginas };
