import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { describeDateTime, describeDay } from '../../../lib/format.ts';
import { type OwnPost, useDeleteOwnPost, useOwnPosts } from '../api/my-data.ts';

function describeWhen(post: OwnPost): string {
  return post.isAnonymous ? describeDay(post.createdAt) : describeDateTime(post.createdAt);
}

/** Everything the person wrote in group spaces, each deletable at any time — also after leaving. */
export function OwnPosts() {
  const posts = useOwnPosts();
  const deletePost = useDeleteOwnPost();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Your posts
      </Title>
      <Text size="sm">
        What you wrote in group spaces, also in groups you have left. Deleting a post deletes the replies to
        it too. Only you see this list.
      </Text>
      {posts.isPending ? <Loader role="status" aria-label="Loading your posts" /> : null}
      {(posts.error ?? deletePost.error) ? (
        <Alert color="red" role="alert">
          {(posts.error ?? deletePost.error)?.message}
        </Alert>
      ) : null}
      {posts.data?.length === 0 ? <Text size="sm">You have not posted in any group space.</Text> : null}
      {posts.data?.map((post) => (
        <Card
          withBorder
          key={post.id}
          component="article"
          aria-label={`Your ${post.isReply ? 'reply' : 'post'} in ${post.groupName}`}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {post.isReply ? 'Reply' : 'Post'} in {post.groupName} · {post.programTitle}
              {post.isAnonymous ? ' · anonymous' : ''}
              {post.isStillMember ? '' : ' · you have left this group'}
            </Text>
            <Text size="xs">{describeWhen(post)}</Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.body}</Text>
            <Group>
              <Button
                variant="default"
                color="red.8"
                size="compact-sm"
                loading={deletePost.isPending && deletePost.variables?.id === post.id}
                onClick={() => deletePost.mutate(post)}
              >
                Delete this {post.isReply ? 'reply' : 'post'}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
