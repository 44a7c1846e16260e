/** The app needs no camera, microphone, notifications, geolocation, … : every permission is denied (checklist 5). */
import type { Session } from 'electron';

export function installPermissionGuard(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
