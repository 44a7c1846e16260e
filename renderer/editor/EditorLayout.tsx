/**
 * The editor's resizable panels (react-resizable-panels): canvas | inspector side by side,
 * and the run panel under the canvas. Sizes are remembered across reloads; each separator
 * is a focusable `role="separator"` moved with the arrow keys as well as the mouse.
 * Panel ids end in -area: the library also writes them as data-testid, which must not
 * collide with the `canvas`/`inspector` ids the e2e suite relies on.
 */
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';

export function EditorLayout({ canvas, bottom, inspector }: { canvas: ReactNode; bottom: ReactNode; inspector: ReactNode }) {
  const columns = useDefaultLayout({ id: 'connectorStudio.layout.editorColumns', panelIds: ['main-area', 'inspector-area'] });
  const rows = useDefaultLayout({ id: 'connectorStudio.layout.editorRows', panelIds: ['canvas-area', 'bottom-area'] });
  return (
    <Group orientation="horizontal" className="editor-body" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
      <Panel id="main-area" minSize="45%">
        <Group orientation="vertical" className="editor-center" defaultLayout={rows.defaultLayout} onLayoutChanged={rows.onLayoutChanged}>
          <Panel id="canvas-area" minSize="25%" className="canvas-panel">{canvas}</Panel>
          <Separator className="panel-separator horizontal" aria-label="Resize the run panel" data-testid="bottom-panel-separator" />
          <Panel id="bottom-area" defaultSize="38%" minSize="15%" className="bottom-panel">{bottom}</Panel>
        </Group>
      </Panel>
      <Separator className="panel-separator vertical" aria-label="Resize the inspector" data-testid="inspector-separator" />
      <Panel id="inspector-area" defaultSize="32%" minSize="22%" maxSize="50%" className="inspector-panel">{inspector}</Panel>
    </Group>
  );
}
