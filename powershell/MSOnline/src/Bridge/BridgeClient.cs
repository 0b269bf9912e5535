// The one path to the bridge: POST /v1/<cmdlet> with a JSON body and the instance's bearer secret,
// over connections the bridge has proven its own (BridgeHttp).
using System;
using System.Collections.Generic;
using System.IO;
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
        private readonly BridgeHttp http;
        private readonly Uri baseUrl;

        public BridgeClient(string url, string secret, BridgeHttp.StoppedCheck stopped)
        {
            baseUrl = new Uri(url.TrimEnd('/') + "/v1/");
            http = new BridgeHttp(baseUrl, secret, stopped);
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
            HttpAnswer response = Post(operation, body.ToJson(), operation);
            if (response.Status < 200 || response.Status > 299) throw Fault(response.Status, response.Body);
            return new RawAnswer(response.Body, response.Header("Next-Page-Token"));
        }

        /// <summary>Sends many requests of one operation as the bridge's batch (POST /v1/&lt;operation&gt;/batch)
        /// and reads each item's answer in order. A batch refused whole becomes its fault.</summary>
        public BatchAnswer<T> CallBatch<T>(string operation, Guid batchId, IList<RequestBody> bodies)
        {
            HttpAnswer response = Post(operation + "/batch", RequestBody.BatchJson(batchId, bodies), operation);
            if (response.Status < 200 || response.Status > 299) throw Fault(response.Status, response.Body);
            using (MemoryStream stream = new MemoryStream(response.Body, false)) { return WireJson.Read<BatchAnswer<T>>(stream); }
        }

        /// <summary>Asks the bridge to start no more items of a batch (started ones finish); safe from any thread.</summary>
        public void StopBatch(Guid batchId)
        {
            Post("batches/" + batchId.ToString() + "/stop", "{}", "the batch stop");
        }

        private HttpAnswer Post(string path, string json, string operation)
        {
            return http.Post("v1/" + path, Encoding.UTF8.GetBytes(json), operation);
        }

        private static MicrosoftOnlineException Fault(int status, byte[] body)
        {
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
