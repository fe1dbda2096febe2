import { List, Text } from '@mantine/core';
import { useState } from 'react';
import { ShowMoreButton } from '../../../components/show-more-button.tsx';
import {
  type CommentRelease,
  type StressorCategory,
  useMoreReportComments,
} from '../api/working-conditions.ts';

/**
 * What people wrote in one category: the summary's first page, and the next pages from the same
 * release only when a leader asks for them (a year of reports holds thousands of texts).
 */
export function CategoryComments({
  week,
  category,
  comments,
}: {
  week: string;
  category: StressorCategory;
  comments: CommentRelease;
}) {
  const [isOpened, setOpened] = useState(false);
  const firstNextOffset = comments.status === 'released' ? comments.nextOffset : null;
  const more = useMoreReportComments(week, category, firstNextOffset, isOpened);
  if (comments.status === 'withheld') {
    return (
      <Text size="sm" c="dimmed">
        {comments.message}
      </Text>
    );
  }
  const shown = [...comments.comments, ...(more.data?.pages.flatMap((page) => page.comments) ?? [])];
  const pager = {
    hasNextPage: isOpened ? more.hasNextPage : firstNextOffset !== null,
    isFetchingNextPage: more.isFetching,
    fetchNextPage: () => (isOpened ? more.fetchNextPage() : setOpened(true)),
  };
  return (
    <>
      <List size="sm">
        {shown.map((comment, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id and are never reordered.
          <List.Item key={index}>{comment}</List.Item>
        ))}
      </List>
      <ShowMoreButton
        query={pager}
        label={`Show more of what people wrote (${comments.commentCount - shown.length} more)`}
      />
    </>
  );
}
