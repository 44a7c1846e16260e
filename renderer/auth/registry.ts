/**
 * Each auth kind's editor, one line each. Typed by the core's AUTH_KINDS, so a kind without an
 * editor (or an editor for no kind) is a compile error; there is no fallback form.
 */
import type { ComponentType } from 'react';
import type { AuthType } from '#core';
import type { AuthEditorProps } from './authEditorProps.js';
import { ApiKeyEditor } from './api_key/ApiKeyEditor.js';
import { BasicEditor } from './basic/BasicEditor.js';
import { BearerEditor } from './bearer/BearerEditor.js';
import { NoneEditor } from './none/NoneEditor.js';
import { ClientCredentialsEditor } from './oauth2_client_credentials/ClientCredentialsEditor.js';
import { AuthorizationCodeEditor } from './oauth2_authorization_code/AuthorizationCodeEditor.js';

export const AUTH_EDITORS = {
  none: NoneEditor,
  bearer: BearerEditor,
  api_key: ApiKeyEditor,
  basic: BasicEditor,
  oauth2_client_credentials: ClientCredentialsEditor,
  oauth2_authorization_code: AuthorizationCodeEditor,
} satisfies { [K in AuthType]: ComponentType<AuthEditorProps<K>> };
