using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Connect-MsolService: starts this session's msol-bridge and connects the Msol cmdlets to it.
    /// The backend comes from -Backend, else MSOL_BRIDGE_BACKEND, else the per-user settings file, else
    /// the local tenant (with a warning, so nobody mistakes it for Microsoft 365).</summary>
    [Cmdlet(VerbsCommunications.Connect, "MsolService", DefaultParameterSetName = DefaultSet)]
    public class ConnectMsolService : PSCmdlet
    {
        private const string DefaultSet = "None__0";
        private const string CredentialSet = "Credential";
        private const string AccessTokenSet = "AccessToken";

        [Parameter(ParameterSetName = CredentialSet)]
        public PSCredential Credential { get; set; }

        [Parameter(ParameterSetName = AccessTokenSet)]
        [Alias("AccessToken")]
        public string AdGraphAccessToken { get; set; }

        [Parameter(ParameterSetName = AccessTokenSet)]
        public string MsGraphAccessToken { get; set; }

        [Parameter]
        public AzureEnvironment AzureEnvironment { get; set; }

        /// <summary>Where the directory lives: Local (an offline tenant file).</summary>
        [Parameter]
        [ValidateSet("Local", IgnoreCase = true)]
        public string Backend { get; set; }

        /// <summary>The local tenant file (created when missing).</summary>
        [Parameter]
        public string LocalTenant { get; set; }

        protected override void EndProcessing()
        {
            try
            {
                Connect();
            }
            catch (MicrosoftOnlineException fault)
            {
                ThrowTerminatingError(Faults.Record(fault, null));
            }
        }

        private void Connect()
        {
            BridgeSettings settings = BridgeSettings.Load(BridgeSettings.DefaultPath);
            string backendVariable = Environment.GetEnvironmentVariable("MSOL_BRIDGE_BACKEND");
            string backend = FirstGiven(Backend, backendVariable, settings.Backend);
            bool chosen = backend != null;
            backend = (backend ?? "local").ToLowerInvariant();
            if (backend != "local")
            {
                throw new PropertyValidationException("Invalid value for parameter.  Parameter Name: Backend. '" + backend +
                    "' is not a backend this version offers. Allowed values: local.");
            }

            List<string> arguments = new List<string> { "serve", "--backend", backend };
            string tenant = FirstGiven(LocalTenant, null, settings.LocalTenant);
            if (tenant != null)
            {
                arguments.Add("--tenant");
                arguments.Add(GetUnresolvedProviderPathFromPSPath(tenant));
            }
            if (Credential != null || AdGraphAccessToken != null || MsGraphAccessToken != null || MyInvocation.BoundParameters.ContainsKey("AzureEnvironment"))
            {
                WriteVerbose("The local backend does not sign in: -Credential, access tokens and -AzureEnvironment are not used.");
            }

            string exe = BridgeProcess.Find(BridgeSession.ModuleRoot);
            WriteVerbose("Starting " + exe + " " + string.Join(" ", arguments.ToArray()));
            BridgeSession.Disconnect();
            BridgeProcess bridge = BridgeProcess.Start(exe, arguments);
            BridgeSession.Connect(bridge);
            if (!chosen && tenant == null && Environment.GetEnvironmentVariable("MSOL_BRIDGE_LOCAL_TENANT") == null)
            {
                WriteWarning("Connected to the local tenant " + bridge.Ready.Tenant + ", not to Microsoft 365. " +
                    "Choose a backend with -Backend, MSOL_BRIDGE_BACKEND or " + BridgeSettings.DefaultPath + ".");
            }
            WriteVerbose("Connected to the " + bridge.Ready.Backend + " backend (" + bridge.Ready.Tenant + ") through " + bridge.Ready.Url + ".");
        }

        private static string FirstGiven(params string[] values)
        {
            foreach (string value in values)
            {
                if (!string.IsNullOrEmpty(value)) return value;
            }
            return null;
        }
    }
}
