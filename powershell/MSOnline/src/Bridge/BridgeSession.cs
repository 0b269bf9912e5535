// The session's connection: the bridge process Connect-MsolService started and the client that talks to it.
using System;
using System.IO;
using System.Runtime.Serialization;

namespace Microsoft.Online.Administration.Automation
{
    public static class BridgeSession
    {
        private static readonly object gate = new object();
        private static BridgeProcess process;
        private static BridgeClient client;

        /// <summary>The MSOnline module's folder, set by the psm1 (used to find the bridge beside it).</summary>
        public static string ModuleRoot { get; set; }

        /// <summary>The platforms whose packaged binary (bin/&lt;runtime id&gt;/) can run here, best first, set by the psm1.</summary>
        public static string[] RuntimeIds { get; set; }

        public static bool IsConnected
        {
            get { lock (gate) { return client != null; } }
        }

        /// <summary>The ready line of the running bridge (URL, backend, tenant), or null.</summary>
        public static ReadyLine Ready
        {
            get { lock (gate) { return process == null ? null : process.Ready; } }
        }

        public static BridgeClient Client
        {
            get
            {
                lock (gate)
                {
                    if (client == null) throw new MicrosoftOnlineException(Faults.NotConnectedMessage);
                    return client;
                }
            }
        }

        public static void Connect(BridgeProcess started)
        {
            lock (gate)
            {
                Disconnect();
                process = started;
                client = new BridgeClient(started.Ready.Url, started.Secret, started.StoppedMessage);
            }
        }

        /// <summary>Stops the bridge; called by a new Connect-MsolService and when the module is removed.</summary>
        public static void Disconnect()
        {
            lock (gate)
            {
                if (client != null) client.Dispose();
                if (process != null) process.Dispose();
                client = null;
                process = null;
            }
        }
    }

    /// <summary>The per-user settings file: {"Backend":"graph","LocalTenant":"/path/tenant.db","TenantId":"contoso.onmicrosoft.com","ClientId":"..."}.</summary>
    [DataContract]
    public class BridgeSettings
    {
        [DataMember] public string Backend { get; set; }
        [DataMember] public string LocalTenant { get; set; }
        /// <summary>The Microsoft 365 tenant (id or domain) the graph backend signs in to.</summary>
        [DataMember] public string TenantId { get; set; }
        /// <summary>The app registration the graph backend signs in with.</summary>
        [DataMember] public string ClientId { get; set; }
        /// <summary>A PEM file with that app's certificate and private key: the graph backend then signs in as the app.</summary>
        [DataMember] public string Certificate { get; set; }

        /// <summary>&lt;per-user config folder&gt;/msol-bridge/config.json (%APPDATA% on Windows, ~/.config elsewhere).</summary>
        public static string DefaultPath
        {
            get
            {
                // DoNotVerify: the path of the folder even before it exists (a first run has no ~/.config).
                string folder = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(folder)) return null;
                return Path.Combine(Path.Combine(folder, "msol-bridge"), "config.json");
            }
        }

        public static BridgeSettings Load(string path)
        {
            if (string.IsNullOrEmpty(path) || !File.Exists(path)) return new BridgeSettings();
            try
            {
                return WireJson.Read<BridgeSettings>(File.ReadAllText(path)) ?? new BridgeSettings();
            }
            catch (SerializationException failure)
            {
                throw new MicrosoftOnlineException("The settings file " + path + " is not valid JSON: " + failure.Message, failure);
            }
        }
    }
}
