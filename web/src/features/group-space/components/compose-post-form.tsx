import { Alert, Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useDeviceDraft } from '../../../lib/use-device-draft.ts';
import { useCreatePost } from '../api/group-space.ts';

const emptyPost = { body: '', isAnonymous: false };

/**
 * A new post, or a reply to one (parentId); either can go out as "A group member". What is typed is
 * kept on the device until the group has it, so a post written on a ward without signal is not lost.
 */
export function ComposePostForm({
  groupId,
  parentId,
  onDone,
}: {
  groupId: string;
  parentId?: string;
  onDone?: () => void;
}) {
  const createPost = useCreatePost(groupId);
  const { draft, setDraft, clearDraft, isStored, wasRestored } = useDeviceDraft(
    `tend.post-draft.${groupId}.${parentId ?? 'new'}`,
    emptyPost,
  );
  const { body, isAnonymous } = draft;
  const isReply = parentId !== undefined;
  const errors = fieldErrors(createPost.error);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        createPost.mutate(
          { body, isAnonymous, ...(parentId ? { parentId } : {}) },
          {
            onSuccess: () => {
              clearDraft(emptyPost);
              onDone?.();
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={isReply ? 'Your reply' : 'Share with your group'}
          description={
            isReply
              ? 'Your group’s members and facilitators read replies. You can delete yours at any time.'
              : 'Your group’s members and facilitators read it; nobody else. Speak from your own experience; never name patients or colleagues. You can delete it at any time, also after leaving.'
          }
          autosize
          minRows={isReply ? 2 : 3}
          maxLength={4000}
          value={body}
          error={errors.body}
          onChange={(event) => setDraft({ body: event.currentTarget.value })}
        />
        <Checkbox
          label="Post anonymously: the group sees “A group member”"
          checked={isAnonymous}
          onChange={(event) => setDraft({ isAnonymous: event.currentTarget.checked })}
        />
        {isStored && body.trim() !== '' ? (
          <Text size="sm" c="dimmed" role="status">
            {wasRestored && !createPost.isPending ? 'Draft restored. ' : ''}Draft kept on this device until it
            is posted.
          </Text>
        ) : null}
        {createPost.isPaused ? (
          <Alert color="yellow" role="status">
            You are offline. Your {isReply ? 'reply' : 'post'} is kept on this device and goes to your group
            as soon as the connection is back.
          </Alert>
        ) : null}
        {createPost.error && !errors.body ? (
          <Alert color="red" role="alert">
            {createPost.error.message}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={createPost.isPending} disabled={body.trim() === ''}>
            {isReply ? 'Reply' : 'Post'}
          </Button>
          {onDone ? (
            <Button variant="subtle" onClick={onDone}>
              Cancel
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
