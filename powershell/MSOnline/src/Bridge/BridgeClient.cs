// The one HTTP path to the bridge: POST /v1/<cmdlet> with a JSON body and the instance's bearer secret.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Microsoft.Online.Administration.Automation
{
    public sealed class RawAnswer
    {
        public RawAnswer(byte[] json, string nextPageToken) { Json = json; NextPageToken = nextPageToken; }
        public byte[] Json { get; private set; }
        public string NextPageToken { get; private set; }

        public T Read<T>()
        {
            using (MemoryStream stream = new MemoryStream(Json, false)) { return WireJson.Read<T>(stream); }
        }
    }

    public sealed class BridgeClient : IDisposable
    {
        private readonly HttpClient http;
        private readonly Uri baseUrl;

        public BridgeClient(string url, string secret)
        {
            // No proxy: the bridge is on loopback, and its secret must not reach a proxy.
            HttpClientHandler handler = new HttpClientHandler();
            handler.UseProxy = false;
            http = new HttpClient(handler);
            http.Timeout = TimeSpan.FromMinutes(10);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            http.DefaultRequestHeaders.ExpectContinue = false;
            baseUrl = new Uri(url.TrimEnd('/') + "/v1/");
        }

        public Uri BaseUrl { get { return baseUrl; } }

        /// <summary>Calls an operation and reads its answer as T; a bridge error becomes its MSOnline fault.</summary>
        public T Call<T>(string operation, RequestBody body)
        {
            return CallRaw(operation, body).Read<T>();
        }

        /// <summary>Calls an operation and keeps its answer unparsed, with the Next-Page-Token header
        /// (so the next page can be asked for before this one is parsed).</summary>
        public RawAnswer CallRaw(string operation, RequestBody body)
        {
            using (HttpResponseMessage response = Send(operation, body))
            {
                byte[] json = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode) throw Fault(response, json);
                IEnumerable<string> values;
                string token = null;
                if (response.Headers.TryGetValues("Next-Page-Token", out values))
                {
                    foreach (string value in values) { token = value; break; }
                }
                return new RawAnswer(json, token);
            }
        }

        /// <summary>Sends many requests of one operation as the bridge's batch (POST /v1/&lt;operation&gt;/batch)
        /// and reads each item's answer in order. A batch refused whole becomes its fault.</summary>
        public BatchAnswer<T> CallBatch<T>(string operation, Guid batchId, IList<RequestBody> bodies)
        {
            using (HttpResponseMessage response = Post(operation + "/batch", RequestBody.BatchJson(batchId, bodies), operation))
            {
                byte[] json = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode) throw Fault(response, json);
                using (MemoryStream stream = new MemoryStream(json, false)) { return WireJson.Read<BatchAnswer<T>>(stream); }
            }
        }

        /// <summary>Asks the bridge to start no more items of a batch (started ones finish); safe from any thread.</summary>
        public void StopBatch(Guid batchId)
        {
            using (Post("batches/" + batchId.ToString() + "/stop", "{}", "the batch stop")) { }
        }

        private HttpResponseMessage Send(string operation, RequestBody body)
        {
            return Post(operation, body.ToJson(), operation);
        }

        private HttpResponseMessage Post(string path, string json, string operation)
        {
            HttpRequestMessage request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path));
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            try
            {
                return http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            }
            catch (Exception failure)
            {
                if (failure is HttpRequestException || failure is System.Threading.Tasks.TaskCanceledException || failure is IOException)
                {
                    throw new BridgeFaultException("BridgeUnavailableException",
                        "The msol-bridge process at " + baseUrl.GetLeftPart(UriPartial.Authority) + " did not answer " + operation +
                        " (" + failure.GetBaseException().Message + "). Run Connect-MsolService again.");
                }
                throw;
            }
        }

        private static MicrosoftOnlineException Fault(HttpResponseMessage response, byte[] body)
        {
            int status = (int)response.StatusCode;
            string text = Encoding.UTF8.GetString(body);
            try
            {
                ErrorAnswer answer = WireJson.Read<ErrorAnswer>(text);
                if (answer != null && answer.Error != null && !string.IsNullOrEmpty(answer.Error.Code))
                {
                    ErrorDetail error = answer.Error;
                    return Faults.FromBridge(error.Code, error.Message, error.Field, error.AllowedValues, status);
                }
            }
            catch (System.Runtime.Serialization.SerializationException) { }
            return Faults.FromBridge("MicrosoftOnlineException", "The bridge answered HTTP " + status + " without an error body.", null, null, status);
        }

        public void Dispose()
        {
            http.Dispose();
        }
    }
}
