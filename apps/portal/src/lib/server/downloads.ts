import { error } from '@sveltejs/kit';

const PASSED = ['content-type', 'content-disposition', 'cache-control'];

/** Hands a file from the API to the browser unchanged (type, file name, caching); failures become error pages. */
export async function passFile(res: Response): Promise<Response> {
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { title?: string } | null;
    error(
      res.status === 401 || res.status === 403 ? 403 : res.status === 400 ? 400 : 404,
      problem?.title ?? 'not found',
    );
  }
  const headers = new Headers();
  for (const name of PASSED) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(await res.arrayBuffer(), { status: 200, headers });
}
