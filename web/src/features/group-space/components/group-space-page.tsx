import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { SearchField } from '../../../components/search-field.tsx';
import { ShowMoreButton } from '../../../components/show-more-button.tsx';
import { type GroupSpace, type GroupThread, useDismissReports, useGroupSpace } from '../api/group-space.ts';
import { ComposePostForm } from './compose-post-form.tsx';
import { PostCard } from './post-card.tsx';

/**
 * /groups/:groupId — the group's private space: its guidelines, posts and replies, and for its
 * facilitators the reported posts. `sharedReflections` is where the app shows reflections members shared.
 */
export function GroupSpacePage({
  groupId,
  sharedReflections,
}: {
  groupId: string;
  sharedReflections?: React.ReactNode;
}) {
  const [search, setSearch] = useState('');
  const space = useGroupSpace(groupId, search);
  if (space.isPending) return <Loader role="status" aria-label="Loading the group space" />;
  if (space.error) {
    return (
      <Stack>
        <Title order={1}>Group space</Title>
        <Alert color="red" role="alert">
          {space.error.message} Only the group’s members and facilitators can open its space.
        </Alert>
        <Anchor component={Link} to="/my-groups">
          Back to my groups
        </Anchor>
      </Stack>
    );
  }
  const [newest] = space.data.pages;
  if (!newest) return null;
  const { group, guidelines, isFacilitator } = newest;
  const posts = space.data.pages.flatMap((page) => page.posts);
  return (
    <Stack>
      <div>
        <Title order={1}>Group space: {group.name}</Title>
        <Text>{group.programTitle}. Only your group’s members and facilitators can read this space.</Text>
      </div>
      <Card withBorder component="section" aria-labelledby="guidelines-heading">
        <Title order={2} size="h3" id="guidelines-heading">
          Community guidelines
        </Title>
        <Text size="sm" mb="xs">
          The agreements you made when you joined: positive, non-judgmental, confidential.
        </Text>
        <List size="sm" spacing={4}>
          {guidelines.map((guideline) => (
            <List.Item key={guideline}>{guideline}</List.Item>
          ))}
        </List>
      </Card>
      {isFacilitator ? <ReportedPosts groupId={groupId} reports={newest.reports} posts={posts} /> : null}
      <Card withBorder component="section" aria-labelledby="new-post-heading">
        <Title order={2} size="h3" id="new-post-heading" mb="xs">
          New post
        </Title>
        <ComposePostForm groupId={groupId} />
      </Card>
      <section aria-labelledby="posts-heading">
        <Title order={2} size="h3" id="posts-heading" mb="sm">
          Posts
        </Title>
        <SearchField label="Search posts and replies" onSearch={setSearch} />
        {posts.length === 0 && search ? <Text mt="sm">No posts or replies contain “{search}”.</Text> : null}
        {posts.length === 0 && !search ? <Text>Nothing here yet. Start the conversation.</Text> : null}
        <Stack mt="sm">
          {posts.map((thread) => (
            <PostCard key={thread.id} groupId={groupId} post={thread} isFacilitator={isFacilitator} canReply>
              {thread.replies.length > 0 ? (
                <Stack gap="xs" pl="lg">
                  {thread.replies.map((reply) => (
                    <PostCard
                      key={reply.id}
                      groupId={groupId}
                      post={reply}
                      isFacilitator={isFacilitator}
                      canReply={false}
                    />
                  ))}
                </Stack>
              ) : null}
            </PostCard>
          ))}
        </Stack>
        <ShowMoreButton query={space} label="Show older posts" />
      </section>
      {sharedReflections}
    </Stack>
  );
}

function ReportedPosts({
  groupId,
  reports,
  posts,
}: {
  groupId: string;
  reports: GroupSpace['reports'];
  posts: GroupThread[];
}) {
  const dismiss = useDismissReports(groupId);
  // A reported post on a page not loaded yet is named "a post" until "Show older posts" brings it.
  const everyPost = posts.flatMap((thread) => [thread, ...thread.replies]);
  return (
    <Card withBorder component="section" aria-labelledby="reports-heading">
      <Title order={2} size="h3" id="reports-heading" mb="xs">
        Reported posts
      </Title>
      {reports.length === 0 ? <Text size="sm">No open reports.</Text> : null}
      {dismiss.error ? (
        <Alert color="red" role="alert">
          {dismiss.error.message}
        </Alert>
      ) : null}
      <Stack gap="sm">
        {reports.map((report) => {
          const post = everyPost.find((candidate) => candidate.id === report.postId);
          return (
            <Stack key={report.postId} gap={4}>
              <Text size="sm" fw={600}>
                {report.count === 1 ? 'Reported once' : `Reported ${report.count} times`}:{' '}
                {post?.body ? `“${post.body.slice(0, 140)}”` : 'a post'}
              </Text>
              <List size="sm">
                {report.reasons.map((reason, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two members may give the same reason.
                  <List.Item key={index}>{reason}</List.Item>
                ))}
              </List>
              <Group>
                <Text size="xs">Hide it from its card below, or leave it up:</Text>
                <Button
                  size="xs"
                  variant="light"
                  loading={dismiss.isPending}
                  onClick={() => dismiss.mutate(report.postId)}
                >
                  Leave it up
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
