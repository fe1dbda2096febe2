import { Alert, Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useCreatePost } from '../api/group-space.ts';

/** A new post, or a reply to one (parentId); either can go out as "A group member". */
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
  const [body, setBody] = useState('');
  const [isAnonymous, setIsAnonymous] = useState(false);
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
              setBody('');
              setIsAnonymous(false);
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
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <Checkbox
          label="Post anonymously: the group sees “A group member”"
          checked={isAnonymous}
          onChange={(event) => setIsAnonymous(event.currentTarget.checked)}
        />
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
