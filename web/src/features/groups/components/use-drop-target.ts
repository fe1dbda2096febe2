import { type DragEvent, useRef, useState } from 'react';
import { personDragType } from './member-row.tsx';

/**
 * HTML5 drop handling for a place a person can be dragged to. `isOver` marks the target while a
 * person is dragged over it (enter/leave also fire for children, hence the counter).
 */
export function useDropTarget(isEnabled: boolean, onDropPerson: (personId: string) => void) {
  const [isOver, setIsOver] = useState(false);
  const depth = useRef(0);
  const carriesPerson = (event: DragEvent) => event.dataTransfer.types.includes(personDragType);
  const reset = () => {
    depth.current = 0;
    setIsOver(false);
  };
  if (!isEnabled) return { isOver: false, handlers: {} };
  return {
    isOver,
    handlers: {
      onDragEnter: (event: DragEvent) => {
        if (!carriesPerson(event)) return;
        event.preventDefault();
        depth.current += 1;
        setIsOver(true);
      },
      onDragOver: (event: DragEvent) => {
        if (!carriesPerson(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      },
      onDragLeave: (event: DragEvent) => {
        if (!carriesPerson(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setIsOver(false);
      },
      onDrop: (event: DragEvent) => {
        const personId = event.dataTransfer.getData(personDragType);
        reset();
        if (!personId) return;
        event.preventDefault();
        onDropPerson(personId);
      },
    },
  };
}
