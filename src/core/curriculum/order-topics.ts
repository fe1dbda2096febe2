import type { Topic } from './topic.ts';

export type OrderedTopics = {
  /** The known topics, in the order their ids were given, each once. */
  topics: Topic[];
  /** Ids that name no topic in the library, in the order given. */
  unknownIds: string[];
  /** Ids given more than once; only their first position is kept. */
  repeatedIds: string[];
};

/** Arranges library topics in a program's chosen order, reporting ids it cannot place instead of throwing. */
export function orderTopics(library: readonly Topic[], ids: readonly string[]): OrderedTopics {
  const byId = new Map(library.map((topic) => [topic.id, topic]));
  const placed = new Set<string>();
  const result: OrderedTopics = { topics: [], unknownIds: [], repeatedIds: [] };
  for (const id of ids) {
    const topic = byId.get(id);
    if (!topic) {
      if (!result.unknownIds.includes(id)) result.unknownIds.push(id);
    } else if (placed.has(id)) {
      if (!result.repeatedIds.includes(id)) result.repeatedIds.push(id);
    } else {
      placed.add(id);
      result.topics.push(topic);
    }
  }
  return result;
}
