import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local HTTP servers standing in for the carriers' SMS endpoints (SMS_ENDPOINT=http://127.0.0.1:<port>): they check
 * each request's signature with the secret the test gives them, record what the sender sent, and answer as the carrier
 * does — success, a refusal for the number, or the carrier's error for a bad signature. For tests and local trials
 * of a production configuration; nothing here is used by the product.
 */
/** A complete Tencent configuration as the environment gives it (`smsSenderFromEnv`), aimed at `endpoint` if given. */
export const tencentTestEnv = (secretKey: string, endpoint?: string): Record<string, string> => ({
  SMS_SENDER: 'tencent',
  TENCENTCLOUD_SECRET_ID: 'AKIDcityLife',
  TENCENTCLOUD_SECRET_KEY: secretKey,
  TENCENT_SMS_SDK_APP_ID: '1400006666',
  SMS_SIGN_NAME: '城市生活网',
  SMS_TEMPLATE_CODE: '1110',
  SMS_TEMPLATE_INVITATION: '1111',
  SMS_TEMPLATE_ACCOUNT_EXISTS: '1112',
  SMS_TEMPLATE_NOTIFICATION: '1113',
  SMS_TEMPLATE_DIGEST: '1114',
  ...(endpoint ? { SMS_ENDPOINT: endpoint } : {}),
});

export interface StandIn<R> {
  /** The endpoint to configure (SMS_ENDPOINT). */
  url: string;
  /** Requests received, oldest first. */
  requests: R[];
  /** Refuse the following sends with this carrier code (null: accept them again). */
  refuseWith(code: string | null): void;
  close(): Promise<void>;
}

export interface TencentRequest {
  action: string;
  version: string;
  region: string;
  secretId: string;
  signed: boolean;
  body: {
    SmsSdkAppId?: string;
    SignName?: string;
    TemplateId?: string;
    PhoneNumberSet?: string[];
    TemplateParamSet?: string[];
  };
}

export interface AliyunRequest {
  action: string;
  version: string;
  accessKeyId: string;
  signed: boolean;
  /** SendSms's parameters (Dysmsapi sends them in the query string). */
  params: Record<string, string>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

function sameHex(a: string, b: string) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
};

async function listen<R>(
  answer: (req: IncomingMessage, body: Buffer, refusal: string | null) => { request: R; status: number; json: unknown },
): Promise<StandIn<R>> {
  const requests: R[] = [];
  let refusal: string | null = null;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const { request, status, json } = answer(req, body, refusal);
      requests.push(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    refuseWith: (code) => void (refusal = code),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Tencent Cloud API 3.0: JSON body, action in X-TC-Action, TC3-HMAC-SHA256 in Authorization (the host signed
 * without its port, as Tencent's SDK does).
 */
export function tencentStandIn(secretKey: string): Promise<StandIn<TencentRequest>> {
  return listen((req, body, refusal) => {
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]*)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
        header(req.headers, 'authorization'),
      );
    const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = auth ?? [];
    const timestamp = header(req.headers, 'x-tc-timestamp');
    const canonicalHeaders = signedHeaders
      .split(';')
      .map(
        (name) =>
          `${name}:${name === 'host' ? header(req.headers, 'host').replace(/:\d+$/, '') : header(req.headers, name)}\n`,
      )
      .join('');
    const canonicalRequest = `${req.method}\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256(body)}`;
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonicalRequest)}`;
    const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    const signed =
      Boolean(auth) &&
      new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) === date &&
      sameHex(createHmac('sha256', key).update(stringToSign).digest('hex'), signature);
    const request: TencentRequest = {
      action: header(req.headers, 'x-tc-action'),
      version: header(req.headers, 'x-tc-version'),
      region: header(req.headers, 'x-tc-region'),
      secretId,
      signed,
      body: JSON.parse(body.toString('utf8') || '{}') as TencentRequest['body'],
    };
    const RequestId = randomUUID();
    if (!signed) {
      const Error = {
        Code: 'AuthFailure.SignatureFailure',
        Message: 'The provided credentials could not be validated.',
      };
      return { request, status: 200, json: { Response: { Error, RequestId } } };
    }
    if (request.action !== 'SendSms') {
      const Error = { Code: 'InvalidAction', Message: `No such action: ${request.action}` };
      return { request, status: 200, json: { Response: { Error, RequestId } } };
    }
    const SendStatusSet = (request.body.PhoneNumberSet ?? []).map((PhoneNumber) => ({
      SerialNo: randomUUID(),
      PhoneNumber,
      Fee: refusal ? 0 : 1,
      SessionContext: '',
      Code: refusal ?? 'Ok',
      Message: refusal ? 'refused by the stand-in' : 'send success',
      IsoCode: 'CN',
    }));
    return { request, status: 200, json: { Response: { SendStatusSet, RequestId } } };
  });
}

// Alibaba Cloud's percent-encoding (RFC 3986: encodeURIComponent leaves !'()* alone).
const acsEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud OpenAPI (RPC style, Dysmsapi 2017-05-25): parameters in the query string, action in x-acs-action,
 * ACS3-HMAC-SHA256 in Authorization over the sorted query, the host and the x-acs-* headers.
 */
export function aliyunStandIn(accessKeySecret: string): Promise<StandIn<AliyunRequest>> {
  return listen((req, body, refusal) => {
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]*),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(
      header(req.headers, 'authorization'),
    );
    const [, accessKeyId = '', signedHeaders = '', signature = ''] = auth ?? [];
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const params = Object.fromEntries(url.searchParams);
    const canonicalQuery = Object.keys(params)
      .sort()
      .map((name) => `${name}=${acsEncode(params[name]!)}`)
      .join('&');
    const canonicalHeaders = signedHeaders
      .split(';')
      .map((name) => `${name}:${header(req.headers, name).trim()}\n`)
      .join('');
    const payloadHash = header(req.headers, 'x-acs-content-sha256');
    const canonicalRequest = `${req.method}\n${url.pathname}\n${canonicalQuery}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const stringToSign = `ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`;
    const signed =
      Boolean(auth) &&
      sameHex(payloadHash, sha256(body)) &&
      sameHex(createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex'), signature);
    const request: AliyunRequest = {
      action: header(req.headers, 'x-acs-action'),
      version: header(req.headers, 'x-acs-version'),
      accessKeyId,
      signed,
      params,
    };
    const RequestId = randomUUID();
    if (!signed) {
      const json = {
        Code: 'SignatureDoesNotMatch',
        Message: 'Specified signature is not matched with our calculation.',
        RequestId,
      };
      return { request, status: 400, json };
    }
    if (request.action !== 'SendSms') {
      return {
        request,
        status: 404,
        json: { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found.', RequestId },
      };
    }
    if (refusal)
      return { request, status: 200, json: { Code: refusal, Message: 'refused by the stand-in', RequestId } };
    return { request, status: 200, json: { Code: 'OK', Message: 'OK', BizId: randomUUID(), RequestId } };
  });
}
