// Baseline for benchmark 3: the same preflight Lambda written the usual way, on the `cors` npm
// package (Express-style middleware) with the same allowlist, methods, headers and max age.
import cors from 'cors';

const origins = (process.env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);
const middleware = cors({
  origin: origins,
  methods: process.env.ALLOWED_METHODS ?? 'GET,HEAD,POST,PUT,PATCH,DELETE',
  allowedHeaders: process.env.ALLOWED_HEADERS ?? 'Authorization,Content-Type',
  maxAge: Number(process.env.MAX_AGE ?? 7200),
  optionsSuccessStatus: 204,
});

export async function handler(event) {
  const headers = {};
  let statusCode = 200;
  const req = { method: 'OPTIONS', headers: event?.headers ?? {} };
  const res = {
    statusCode: 200,
    getHeader: (name) => headers[name.toLowerCase()],
    setHeader: (name, value) => {
      headers[name.toLowerCase()] = String(value);
    },
    end: () => {
      statusCode = res.statusCode;
    },
  };
  // cors ends preflights itself; a disallowed origin falls through to `next` with no CORS headers.
  middleware(req, res, () => {
    statusCode = 403;
  });
  return { statusCode, headers, body: '' };
}
