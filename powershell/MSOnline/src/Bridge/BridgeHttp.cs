// HTTP/1.1 to this session's bridge, over loopback connections the bridge has proven to be its own.
//
// Every new connection starts with GET /proof and a random challenge; only a process that knows the
// session's secret can answer HMAC-SHA256(secret, "msol-bridge proof\n" + challenge). The bearer and
// any body go out only on a connection that answered it, so a process of another user that took
// over the port of a dead bridge receives neither. Once the bridge has exited, or a connection
// failed its proof, every call fails at once and nothing is sent again.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>An HTTP answer: status, headers (names in lower case) and the whole body.</summary>
    public sealed class HttpAnswer
    {
        public int Status;
        public Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public byte[] Body;
        public bool KeepAlive;

        public string Header(string name)
        {
            string value;
            return Headers.TryGetValue(name, out value) ? value : null;
        }
    }

    public sealed class BridgeHttp : IDisposable
    {
        /// <summary>Why the bridge can no longer be used, or null while it runs (BridgeProcess.StoppedMessage).</summary>
        public delegate string StoppedCheck();

        /// <summary>Idle connections older than this are not reused: the bridge closes idle ones after 10 s.</summary>
        private static readonly TimeSpan IdleReuse = TimeSpan.FromSeconds(5);
        private const int ReadTimeoutMilliseconds = 10 * 60 * 1000;
        private const string ProofHeader = "Msol-Bridge-Proof";

        private readonly IPEndPoint endpoint;
        private readonly string authority;
        private readonly string secret;
        private readonly StoppedCheck stopped;
        private readonly Stack<Connection> idle = new Stack<Connection>();
        private readonly object gate = new object();
        private string refusal;
        private bool disposed;

        public BridgeHttp(Uri url, string secret, StoppedCheck stopped)
        {
            IPAddress address;
            if (!IPAddress.TryParse(url.Host.Trim('[', ']'), out address) || !IPAddress.IsLoopback(address))
            {
                throw new MicrosoftOnlineException("The msol-bridge program reported " + url + ", which is not a loopback address.");
            }
            endpoint = new IPEndPoint(address, url.Port);
            authority = url.Authority;
            this.secret = secret;
            this.stopped = stopped;
        }

        /// <summary>POSTs a JSON body to path (below the root) and answers whatever the bridge answered.</summary>
        public HttpAnswer Post(string path, byte[] json, string what)
        {
            for (int attempt = 0; ; attempt++)
            {
                Connection connection = Take(what);
                try
                {
                    HttpAnswer answer = connection.Exchange(RequestHead("POST", path, json.Length, true), json);
                    Give(connection, answer.KeepAlive);
                    return answer;
                }
                catch (IOException failure)
                {
                    connection.Dispose();
                    // A reused connection the bridge closed just before this request read nothing:
                    // the request was not served, and a fresh connection is proven before it is used.
                    if (connection.Reused && !connection.ReadAnything && attempt == 0) continue;
                    throw Unavailable(what, failure);
                }
            }
        }

        private Connection Take(string what)
        {
            lock (gate)
            {
                if (disposed) throw new MicrosoftOnlineException(Faults.NotConnectedMessage);
                ThrowIfUnusable();
                while (idle.Count > 0)
                {
                    Connection candidate = idle.Pop();
                    if (candidate.IsFresh(IdleReuse)) { candidate.Reused = true; return candidate; }
                    candidate.Dispose();
                }
            }
            return Open(what);
        }

        private void Give(Connection connection, bool keepAlive)
        {
            lock (gate)
            {
                if (keepAlive && !disposed && refusal == null)
                {
                    connection.MarkIdle();
                    idle.Push(connection);
                    return;
                }
            }
            connection.Dispose();
        }

        private void ThrowIfUnusable()
        {
            if (refusal == null)
            {
                string reason = stopped();
                if (!string.IsNullOrEmpty(reason)) refusal = reason;
            }
            if (refusal != null) throw new BridgeFaultException("BridgeUnavailableException", refusal);
        }

        /// <summary>Connects and checks the bridge's proof before anything secret goes out.</summary>
        private Connection Open(string what)
        {
            Connection connection;
            try
            {
                connection = new Connection(endpoint);
            }
            catch (SocketException failure)
            {
                throw Unavailable(what, failure);
            }
            try
            {
                byte[] challenge = new byte[32];
                using (RandomNumberGenerator random = RandomNumberGenerator.Create()) { random.GetBytes(challenge); }
                string challengeHex = Hex(challenge);
                string head = RequestHead("GET", "proof", -1, false);
                head = head.Insert(head.Length - 2, "Msol-Bridge-Challenge: " + challengeHex + "\r\n");
                HttpAnswer answer = connection.Exchange(head, null);
                string proof = answer.Header(ProofHeader);
                if (answer.Status != 200 || proof == null || !FixedTimeEquals(proof.Trim(), ExpectedProof(challengeHex)))
                {
                    connection.Dispose();
                    lock (gate)
                    {
                        refusal = "The program listening on " + authority + " is not this session's msol-bridge: it could not prove " +
                            "that it knows the session's secret, so nothing was sent to it. Run Connect-MsolService again.";
                    }
                    throw new BridgeFaultException("BridgeUnavailableException", refusal);
                }
                if (!answer.KeepAlive) throw new IOException("the bridge closed the connection after its proof");
                return connection;
            }
            catch (IOException failure)
            {
                connection.Dispose();
                throw Unavailable(what, failure);
            }
        }

        private string ExpectedProof(string challengeHex)
        {
            using (HMACSHA256 hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret)))
            {
                return Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes("msol-bridge proof\n" + challengeHex)));
            }
        }

        private string RequestHead(string method, string path, int contentLength, bool withBearer)
        {
            StringBuilder head = new StringBuilder(256);
            head.Append(method).Append(" /").Append(path).Append(" HTTP/1.1\r\n");
            head.Append("Host: ").Append(authority).Append("\r\n");
            if (withBearer) head.Append("Authorization: Bearer ").Append(secret).Append("\r\n");
            if (contentLength >= 0)
            {
                head.Append("Content-Type: application/json; charset=utf-8\r\n");
                head.Append("Content-Length: ").Append(contentLength.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }
            head.Append("\r\n");
            return head.ToString();
        }

        /// <summary>The bridge did not answer: say why, with its own last words when it stopped.</summary>
        private BridgeFaultException Unavailable(string what, Exception failure)
        {
            string reason = stopped();
            if (string.IsNullOrEmpty(reason)) reason = null;
            lock (gate)
            {
                if (reason != null && refusal == null) refusal = reason;
            }
            if (reason != null) return new BridgeFaultException("BridgeUnavailableException", reason);
            return new BridgeFaultException("BridgeUnavailableException",
                "The msol-bridge process at " + authority + " did not answer " + what + " (" + failure.GetBaseException().Message +
                "). Run Connect-MsolService again.");
        }

        private static string Hex(byte[] bytes)
        {
            StringBuilder hex = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes) hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            if (a.Length != b.Length) return false;
            int difference = 0;
            for (int i = 0; i < a.Length; i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }

        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
                while (idle.Count > 0) idle.Pop().Dispose();
            }
        }

        /// <summary>One TCP connection: writes a request, reads one answer (Content-Length, chunked or to the close).</summary>
        private sealed class Connection : IDisposable
        {
            private readonly TcpClient tcp;
            private readonly NetworkStream stream;
            private readonly byte[] buffer = new byte[16 * 1024];
            private int start;
            private int end;
            private DateTime idleSince;

            public Connection(IPEndPoint endpoint)
            {
                tcp = new TcpClient(endpoint.AddressFamily);
                tcp.NoDelay = true;
                tcp.ReceiveTimeout = ReadTimeoutMilliseconds;
                tcp.SendTimeout = ReadTimeoutMilliseconds;
                tcp.Connect(endpoint);
                stream = tcp.GetStream();
            }

            public bool Reused;
            public bool ReadAnything;

            public void MarkIdle() { idleSince = DateTime.UtcNow; Reused = false; ReadAnything = false; }

            /// <summary>Recently used and not closed by the bridge meanwhile.</summary>
            public bool IsFresh(TimeSpan maxIdle)
            {
                if (DateTime.UtcNow - idleSince > maxIdle) return false;
                try
                {
                    // Readable with nothing to read means the other side closed it.
                    return !(tcp.Client.Poll(0, SelectMode.SelectRead) && tcp.Client.Available == 0);
                }
                catch (SocketException) { return false; }
                catch (ObjectDisposedException) { return false; }
            }

            public HttpAnswer Exchange(string head, byte[] body)
            {
                try
                {
                    byte[] headBytes = Encoding.ASCII.GetBytes(head);
                    if (body != null && body.Length > 0 && body.Length < 64 * 1024)
                    {
                        byte[] whole = new byte[headBytes.Length + body.Length];
                        Buffer.BlockCopy(headBytes, 0, whole, 0, headBytes.Length);
                        Buffer.BlockCopy(body, 0, whole, headBytes.Length, body.Length);
                        stream.Write(whole, 0, whole.Length);
                    }
                    else
                    {
                        stream.Write(headBytes, 0, headBytes.Length);
                        if (body != null && body.Length > 0) stream.Write(body, 0, body.Length);
                    }
                    return ReadAnswer();
                }
                catch (SocketException failure) { throw new IOException(failure.Message, failure); }
                catch (ObjectDisposedException failure) { throw new IOException(failure.Message, failure); }
            }

            private HttpAnswer ReadAnswer()
            {
                HttpAnswer answer = new HttpAnswer();
                string statusLine = ReadLine();
                string[] parts = statusLine.Split(new[] { ' ' }, 3);
                if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) ||
                    !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out answer.Status))
                {
                    throw new IOException("the answer does not start with an HTTP status line");
                }
                while (true)
                {
                    string line = ReadLine();
                    if (line.Length == 0) break;
                    int colon = line.IndexOf(':');
                    if (colon <= 0) throw new IOException("a malformed header line in the answer");
                    answer.Headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
                }
                string connection = answer.Header("Connection") ?? "";
                answer.KeepAlive = parts[0] == "HTTP/1.1"
                    ? connection.IndexOf("close", StringComparison.OrdinalIgnoreCase) < 0
                    : connection.IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) >= 0;
                string length = answer.Header("Content-Length");
                string encoding = answer.Header("Transfer-Encoding");
                if (encoding != null && encoding.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    answer.Body = ReadChunked();
                }
                else if (length != null)
                {
                    long size;
                    if (!long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size > int.MaxValue)
                    {
                        throw new IOException("an invalid Content-Length in the answer");
                    }
                    answer.Body = ReadExactly((int)size);
                }
                else if (answer.Status == 204 || answer.Status == 304 || (answer.Status >= 100 && answer.Status < 200))
                {
                    answer.Body = new byte[0];
                }
                else
                {
                    answer.Body = ReadToClose();
                    answer.KeepAlive = false;
                }
                return answer;
            }

            private bool Fill()
            {
                if (start > 0 && start == end) { start = 0; end = 0; }
                if (end == buffer.Length)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                int read = stream.Read(buffer, end, buffer.Length - end);
                if (read <= 0) return false;
                ReadAnything = true;
                end += read;
                return true;
            }

            private string ReadLine()
            {
                StringBuilder line = new StringBuilder();
                while (true)
                {
                    for (int i = start; i < end; i++)
                    {
                        if (buffer[i] == (byte)'\n')
                        {
                            line.Append(Encoding.ASCII.GetString(buffer, start, i - start));
                            start = i + 1;
                            if (line.Length > 0 && line[line.Length - 1] == '\r') line.Length--;
                            return line.ToString();
                        }
                    }
                    line.Append(Encoding.ASCII.GetString(buffer, start, end - start));
                    start = end;
                    if (line.Length > 64 * 1024) throw new IOException("an answer header line longer than 64 KiB");
                    if (!Fill()) throw new IOException("the connection closed before the answer was complete");
                }
            }

            private byte[] ReadExactly(int size)
            {
                byte[] result = new byte[size];
                int copied = 0;
                while (copied < size)
                {
                    if (start == end && !Fill()) throw new IOException("the connection closed before the answer was complete");
                    int take = Math.Min(size - copied, end - start);
                    Buffer.BlockCopy(buffer, start, result, copied, take);
                    start += take;
                    copied += take;
                }
                return result;
            }

            private byte[] ReadChunked()
            {
                using (MemoryStream body = new MemoryStream())
                {
                    while (true)
                    {
                        string sizeLine = ReadLine();
                        int semicolon = sizeLine.IndexOf(';');
                        if (semicolon >= 0) sizeLine = sizeLine.Substring(0, semicolon);
                        int size;
                        if (!int.TryParse(sizeLine.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out size) || size < 0)
                        {
                            throw new IOException("an invalid chunk size in the answer");
                        }
                        if (size == 0)
                        {
                            while (ReadLine().Length > 0) { }
                            return body.ToArray();
                        }
                        byte[] chunk = ReadExactly(size);
                        body.Write(chunk, 0, chunk.Length);
                        ReadLine();
                    }
                }
            }

            private byte[] ReadToClose()
            {
                using (MemoryStream body = new MemoryStream())
                {
                    while (true)
                    {
                        if (start == end && !Fill()) return body.ToArray();
                        body.Write(buffer, start, end - start);
                        start = end;
                    }
                }
            }

            public void Dispose()
            {
                try { tcp.Close(); } catch (SocketException) { }
            }
        }
    }
}
