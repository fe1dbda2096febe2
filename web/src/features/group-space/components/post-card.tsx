import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { describeDateTime, describeDay } from '../../../lib/format.ts';
import {
  type GroupPost,
  useDeletePost,
  useEditPost,
  useHidePost,
  useReportPost,
  useUnhidePost,
} from '../api/group-space.ts';
import { ComposePostForm } from './compose-post-form.tsx';
import { ReasonForm } from './reason-form.tsx';

type Mode = 'reading' | 'replying' | 'editing' | 'reporting' | 'hiding';

/** One post or reply with what this person may do to it. */
export function PostCard({
  groupId,
  post,
  isFacilitator,
  canReply,
  children,
}: {
  groupId: string;
  post: GroupPost;
  isFacilitator: boolean;
  canReply: boolean;
  children?: React.ReactNode;
}) {
  const [mode, setMode] = useState<Mode>('reading');
  const [draft, setDraft] = useState(post.body ?? '');
  const [isReported, setIsReported] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const editPost = useEditPost(groupId);
  const deletePost = useDeletePost(groupId);
  const reportPost = useReportPost(groupId);
  const hidePost = useHidePost(groupId);
  const unhidePost = useUnhidePost(groupId);
  const error = editPost.error ?? deletePost.error ?? unhidePost.error;
  const kind = post.parentId ? 'Reply' : 'Post';
  const headingId = `post-${post.id}`;
  const reading = () => setMode('reading');

  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} id={headingId}>
            {kind} by {post.authorLabel}
            {post.isMine ? ' (you)' : ''}
          </Text>
          <Group gap="xs">
            {post.isAnonymous ? <Badge variant="light">Anonymous</Badge> : null}
            {post.isHidden ? <Badge color="orange.9">Hidden</Badge> : null}
            <Text size="xs">
              {/* The server sends only the day of an anonymous post: its minute could tell who wrote it. */}
              {post.isAnonymous ? describeDay(post.createdAt) : describeDateTime(post.createdAt)}
              {post.editedAt ? ' · edited' : ''}
            </Text>
          </Group>
        </Group>
        {post.isHidden ? (
          <Alert color="orange" variant="light">
            {post.hiddenReason
              ? `A facilitator hid this ${kind.toLowerCase()} from the group. Reason: ${post.hiddenReason}`
              : `A facilitator hid this ${kind.toLowerCase()}.`}
          </Alert>
        ) : null}
        {mode === 'editing' ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              editPost.mutate({ postId: post.id, body: draft }, { onSuccess: reading });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={`Edit your ${kind.toLowerCase()}`}
                autosize
                minRows={2}
                maxLength={4000}
                value={draft}
                onChange={(event) => setDraft(event.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={editPost.isPending} disabled={draft.trim() === ''}>
                  Save
                </Button>
                <Button variant="subtle" onClick={reading}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : post.body !== null ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{post.body}</Text>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        {isReported ? (
          <Text size="sm" role="status">
            Thank you. The group’s facilitator will look at it.
          </Text>
        ) : null}
        {mode === 'reading' ? (
          <Group gap="xs">
            {canReply && !post.isHidden ? (
              <Button size="xs" variant="light" onClick={() => setMode('replying')}>
                Reply
              </Button>
            ) : null}
            {post.isMine ? (
              <>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => {
                    setDraft(post.body ?? '');
                    setMode('editing');
                  }}
                >
                  Edit
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  loading={deletePost.isPending}
                  onClick={() => setIsConfirmingDelete(true)}
                >
                  Delete
                </Button>
                <ConfirmDialog
                  opened={isConfirmingDelete}
                  title={post.parentId ? 'Delete your reply?' : 'Delete your post?'}
                  confirmLabel="Delete"
                  cancelLabel="Keep it"
                  isPending={deletePost.isPending}
                  error={deletePost.error}
                  onConfirm={() =>
                    deletePost.mutate(post.id, { onSuccess: () => setIsConfirmingDelete(false) })
                  }
                  onCancel={() => setIsConfirmingDelete(false)}
                >
                  {post.parentId
                    ? 'Your reply is removed for everyone in the group.'
                    : 'Your post is removed for everyone in the group, and its replies with it.'}
                </ConfirmDialog>
              </>
            ) : null}
            {!post.isMine && !post.isHidden && !isReported ? (
              <Button size="xs" variant="subtle" onClick={() => setMode('reporting')}>
                Report
              </Button>
            ) : null}
            {isFacilitator ? (
              post.isHidden ? (
                <Button
                  size="xs"
                  variant="subtle"
                  loading={unhidePost.isPending}
                  onClick={() => unhidePost.mutate(post.id)}
                >
                  Show again
                </Button>
              ) : (
                <Button size="xs" variant="subtle" onClick={() => setMode('hiding')}>
                  Hide
                </Button>
              )
            ) : null}
          </Group>
        ) : null}
        {mode === 'replying' ? (
          <ComposePostForm groupId={groupId} parentId={post.id} onDone={reading} />
        ) : null}
        {mode === 'reporting' ? (
          <ReasonForm
            label="Why are you reporting this?"
            submitLabel="Send report"
            isPending={reportPost.isPending}
            error={reportPost.error?.message}
            onCancel={reading}
            onSubmit={(reason) =>
              reportPost.mutate(
                { postId: post.id, reason },
                {
                  onSuccess: () => {
                    setIsReported(true);
                    reading();
                  },
                },
              )
            }
          />
        ) : null}
        {mode === 'hiding' ? (
          <ReasonForm
            label="Reason for hiding (its author is told)"
            submitLabel="Hide from the group"
            isPending={hidePost.isPending}
            error={hidePost.error?.message}
            onCancel={reading}
            onSubmit={(reason) => hidePost.mutate({ postId: post.id, reason }, { onSuccess: reading })}
          />
        ) : null}
        {children}
      </Stack>
    </Card>
  );
}
