/** English titles and fix hints for upstream and app errors (see error-text.ts). */
const errorsEn = {
  upstream: {
    bad_request: {
      title: 'The provider rejected the request',
      hint: 'This is often a wrong model name or an option the model doesn’t support. The provider’s own message below says more.',
    },
    unauthorized: {
      title: 'The API key was not accepted',
      hint: 'The key may be wrong, expired or revoked. If you use a relay, enter the key or access code that relay gave you, not an OpenAI key.',
    },
    forbidden: {
      title: 'Access denied',
      hint: 'The provider refused this request. Your region may not be supported, or the key has no access to this model.',
    },
    not_found: {
      title: 'API address or model not found',
      hint: 'Check whether the base URL needs /v1 at the end (most do, e.g. https://api.openai.com/v1) and that the model name is spelled exactly as the provider lists it.',
    },
    rate_limited: {
      title: 'Too many requests',
      hint: 'You hit the provider’s rate limit. Wait a moment and try again.',
    },
    insufficient_quota: {
      title: 'No API credit left',
      hint: 'Your API account has run out of balance. API usage is billed separately from a ChatGPT Plus subscription: add credit on the provider’s billing page (or with your relay) and try again.',
    },
    server_error: {
      title: 'The provider had a server error',
      hint: 'Something went wrong on their side. Try again in a little while.',
    },
    bad_response: {
      title: 'That wasn’t an API response',
      hint: 'The server answered with something else, often a web page. The base URL probably points to a website instead of the API; it usually ends with /v1.',
    },
    network: {
      title: 'Couldn’t reach the server',
      hint: 'Check your internet connection, proxy settings and the host name in the base URL.',
    },
    timeout: {
      title: 'The request timed out',
      hint: 'The server didn’t answer in time. The network may be unstable or the service busy; try again.',
    },
    no_key: {
      title: 'No API key',
      hint: 'This connection needs an API key. Add it in Settings.',
    },
    unknown: {
      title: 'Something went wrong',
      hint: 'The provider’s message below may explain what happened.',
    },
    context_length_exceeded: {
      title: 'The conversation is too long for this model',
      hint: 'The messages sent exceed the model’s context window. Start a new conversation, send fewer earlier messages, or pick a model with a longer context.',
    },
    payload_too_large: {
      title: 'The request is too large',
      hint: 'The server or a proxy in front of it refused a request this big. Shorten the conversation or the pasted text and try again.',
    },
    model_not_found: {
      title: 'Model not found',
      hint: 'The provider doesn’t offer this model, or your key has no access to it. Check the model name in the connection settings against the provider’s model list.',
    },
    region_blocked: {
      title: 'Not available in your region',
      hint: 'The provider doesn’t serve your country or region. Use a proxy in a supported region, or a relay or reseller reachable from where you are.',
    },
    access_code: {
      title: 'The relay’s access code was not accepted',
      hint: 'This NextChat relay wants its access code as the key (Ferry sends it as “nk-<code>”). Enter the code set in the relay’s CODE setting.',
    },
    no_channel: {
      title: 'The relay has no channel for this model',
      hint: 'Your one-api / new-api relay has no working upstream channel for this model right now. Pick another model, or enable a channel for it in the relay’s admin page.',
    },
    bad_gateway: {
      title: 'Bad gateway (502)',
      hint: 'A proxy or relay in front of the API couldn’t get an answer from the service behind it. Usually temporary; try again shortly.',
    },
    gateway_timeout: {
      title: 'Gateway timeout (504)',
      hint: 'A proxy or relay gave up waiting for the service behind it. Long reasoning can trigger this; try again, or ask the relay’s owner to raise its timeout.',
    },
    dns: {
      title: 'The server name could not be found',
      hint: 'Check the host name in the base URL for typos, and your network or proxy settings (DNS).',
    },
    connection_refused: {
      title: 'The server refused the connection',
      hint: 'Nothing is listening at that address and port. Check the base URL’s port, and that the server or local proxy is running.',
    },
    connection_reset: {
      title: 'The connection dropped',
      hint: 'The connection was closed before the answer was complete. Everything received so far is kept; retry, or check an unstable network or proxy.',
    },
    tls: {
      title: 'Secure connection failed',
      hint: 'The server’s certificate couldn’t be verified (self-signed, expired, or for another host). Check the https address, or install your organisation’s CA in the system trust store.',
    },
    proxy_auth: {
      title: 'The proxy wants a user name and password',
      hint: 'Your proxy answered 407. Enter the proxy credentials in the connection’s proxy settings.',
    },
    html_response: {
      title: 'A web page answered instead of the API',
      hint: 'The base URL points to a website, often the relay’s admin page. It usually needs /v1 at the end, e.g. https://your-relay.example/v1.',
    },
    error_in_stream: {
      title: 'The provider reported an error',
      hint: 'The server answered, but with an error instead of a reply. Everything received before it is kept; the provider’s message below says what went wrong.',
    },
    connect_timeout: {
      title: 'Connecting took too long',
      hint: 'The server couldn’t be reached in time. Check your network and proxy settings, then try again.',
    },
    first_byte_timeout: {
      title: 'No answer started in time',
      hint: 'The request was sent but the model didn’t start answering. Reasoning models can think for minutes: raise “Wait for the first token” in Settings › Network, or try again.',
    },
    idle_timeout: {
      title: 'The answer stalled',
      hint: 'The stream stopped sending for too long and was closed. Everything received so far is kept; continue or retry.',
    },
    images_not_supported: {
      title: 'This model doesn’t take images',
      hint: 'The provider refused the attached images. Switch to a model that accepts images (a “vision” model), or remove the images. In Settings → Models you can mark this model as text-only so Ferry warns before sending.',
    },
  },
  app: {
    invalid_input: {
      title: 'Some input isn’t valid',
      hint: 'Check the fields and try again.',
    },
    unknown_route: {
      title: 'This version of Ferry doesn’t support that',
      hint: 'The window and the app may be out of step. Restart Ferry.',
    },
    forbidden: {
      title: 'Not allowed',
      hint: 'Ferry refused this request. Reload the page or restart Ferry.',
    },
    not_found: {
      title: 'Not found',
      hint: 'It may have been deleted in another window.',
    },
    keychain_unavailable: {
      title: 'No system keychain',
      hint: 'The key couldn’t be stored safely. Install and unlock GNOME Keyring or KWallet, or keep the key for this session only.',
    },
    no_connection: {
      title: 'No connection is set up',
      hint: 'Add the API address, key and model in Settings.',
    },
    no_key: {
      title: 'No API key',
      hint: 'Add the API key for this connection in Settings.',
    },
    key_host_mismatch: {
      title: 'The key isn’t confirmed for this host',
      hint: 'The base URL now points to another host than the key was saved for. Nothing was sent. In Settings, confirm the saved key for the new host or enter a new key.',
    },
    busy: {
      title: 'Ferry is busy',
      hint: 'Wait for the current reply to finish, or stop it.',
    },
    internal: {
      title: 'Something went wrong inside Ferry',
      hint: 'Try again. If it keeps happening, restart Ferry.',
    },
    database_corrupt: {
      title: 'The history database is damaged',
      hint: 'Ferry left it untouched. Restore the newest backup, or copy the file somewhere safe first.',
    },
    database_unavailable: {
      title: 'The history database can’t be used',
      hint: 'It may have been written by a newer Ferry. Update Ferry, or restore a backup.',
    },
    attachment_rejected: {
      title: 'The file couldn’t be attached',
      hint: 'Check the file and try again.',
    },
    storage_full: {
      title: 'The disk is full',
      hint: 'This couldn’t be saved. Free some space and try again; nothing already saved was lost.',
    },
    storage_read_only: {
      title: 'The data folder is read-only',
      hint: 'This couldn’t be saved because Ferry’s data folder can’t be written. Check its permissions or the disk, then try again.',
    },
    storage_io: {
      title: 'The disk reported an error',
      hint: 'This couldn’t be saved (input/output error). Check the disk, then try again; nothing already saved was lost.',
    },
    disconnected: {
      title: 'Disconnected from Ferry host',
      hint: 'The request didn’t go through. Ferry is reconnecting; try again in a moment.',
    },
  },
};

export default errorsEn;
