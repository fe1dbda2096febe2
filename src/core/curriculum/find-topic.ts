import type { Topic } from './topic.ts';

export function findTopic(library: readonly Topic[], id: string): Topic | undefined {
  return library.find((topic) => topic.id === id);
}
