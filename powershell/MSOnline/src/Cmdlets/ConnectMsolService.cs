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

        /// <summary>The clouds Connect-MsolService reaches. The type keeps MSOnline's enum, AzureGermanyCloud
        /// included, but the set leaves it out, so that completion does not offer it and binding refuses
        /// it, naming the others: that cloud closed in October 2021.</summary>
        [Parameter]
        [ValidateSet("AzureCloud", "AzureChinaCloud", "USGovernment", IgnoreCase = true)]
        public AzureEnvironment AzureEnvironment { get; set; }

        /// <summary>Where the directory lives: Local (an offline tenant file) or Graph (Microsoft 365 through Microsoft Graph).</summary>
        [Parameter]
        [ValidateSet("Local", "Graph", IgnoreCase = true)]
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
            if (backend != "local" && backend != "graph")
            {
                throw new PropertyValidationException("Invalid value for parameter.  Parameter Name: Backend. '" + backend +
                    "' is not a backend. Allowed values: local, graph.");
            }

            List<string> arguments = new List<string> { "serve", "--backend", backend };
            string signInSecret = null;
            string tenant = null;
            if (backend == "local")
            {
                tenant = FirstGiven(LocalTenant, null, settings.LocalTenant);
                if (tenant != null)
                {
                    arguments.Add("--tenant");
                    arguments.Add(GetUnresolvedProviderPathFromPSPath(tenant));
                }
                if (Credential != null || AdGraphAccessToken != null || MsGraphAccessToken != null || MyInvocation.BoundParameters.ContainsKey("AzureEnvironment"))
                {
                    WriteVerbose("The local backend does not sign in: -Credential, access tokens and -AzureEnvironment are not used.");
                }
            }
            else
            {
                signInSecret = GraphSignIn(arguments, settings);
            }

            string exe = BridgeProcess.Find(BridgeSession.ModuleRoot, BridgeSession.RuntimeIds);
            // Arguments name no secret: the sign-in secret goes through stdin.
            WriteVerbose("Starting " + exe + " " + string.Join(" ", arguments.ToArray()));
            BridgeSession.Disconnect();
            BridgeProcess bridge = BridgeProcess.Start(exe, arguments, signInSecret, message => WriteWarning(message));
            BridgeSession.Connect(bridge);
            if (bridge.Ready.CreatedDemoTenant)
            {
                WriteWarning("Created the demo tenant (Contoso, a rehearsal tenant with sample users) in " + bridge.Ready.Tenant +
                    ", since no tenant was there. Changes stay in that file; 'msol-bridge tenant init' makes an empty tenant instead.");
            }
            if (backend == "local" && !chosen && tenant == null && Environment.GetEnvironmentVariable("MSOL_BRIDGE_LOCAL_TENANT") == null)
            {
                WriteWarning("Connected to the local tenant " + bridge.Ready.Tenant + ", not to Microsoft 365. " +
                    "Choose a backend with -Backend, MSOL_BRIDGE_BACKEND or " +
                    (BridgeSettings.DefaultPath ?? "a settings file (no per-user settings folder is known: set HOME)") + ".");
            }
            WriteVerbose("Connected to the " + bridge.Ready.Backend + " backend (" + bridge.Ready.Tenant + ") through " + bridge.Ready.Url + ".");
        }

        /// <summary>Chooses the Graph sign-in: a credential whose user name is an application id signs
        /// in as that app registration (the password is its client secret), any other credential as
        /// the user; -MsGraphAccessToken uses that token; a configured certificate (MSOL_BRIDGE_CERTIFICATE
        /// or the settings file) signs in as the app; otherwise interactively (device code).
        /// Answers the secret the bridge reads from stdin.</summary>
        private string GraphSignIn(List<string> arguments, BridgeSettings settings)
        {
            if (AdGraphAccessToken != null)
            {
                throw new PropertyValidationException("Invalid value for parameter.  Parameter Name: AdGraphAccessToken. Azure AD Graph is retired: give a Microsoft Graph token with -MsGraphAccessToken.");
            }
            if (MyInvocation.BoundParameters.ContainsKey("AzureEnvironment"))
            {
                arguments.Add("--azure-environment");
                arguments.Add(AzureEnvironment.ToString());
            }
            if (Environment.GetEnvironmentVariable("MSOL_BRIDGE_TENANT_ID") == null && !string.IsNullOrEmpty(settings.TenantId))
            {
                arguments.Add("--tenant-id");
                arguments.Add(settings.TenantId);
            }
            string clientId = FirstGiven(Environment.GetEnvironmentVariable("MSOL_BRIDGE_CLIENT_ID"), settings.ClientId);
            if (MsGraphAccessToken != null)
            {
                arguments.Add("--sign-in");
                arguments.Add("access-token");
                return MsGraphAccessToken;
            }
            if (Credential != null)
            {
                string user = Credential.UserName ?? "";
                Guid applicationId;
                string password = Credential.GetNetworkCredential().Password;
                if (Guid.TryParse(user, out applicationId))
                {
                    arguments.Add("--sign-in");
                    arguments.Add("client-secret");
                    arguments.Add("--client-id");
                    arguments.Add(applicationId.ToString());
                    return password;
                }
                arguments.Add("--sign-in");
                arguments.Add("password");
                arguments.Add("--username");
                arguments.Add(user);
                AddClientId(arguments, clientId);
                return password;
            }
            string certificate = FirstGiven(Environment.GetEnvironmentVariable("MSOL_BRIDGE_CERTIFICATE"), settings.Certificate);
            arguments.Add("--sign-in");
            if (certificate != null)
            {
                // An unattended host configured with an app certificate: no one is there to enter a code.
                arguments.Add("certificate");
                arguments.Add("--certificate");
                arguments.Add(GetUnresolvedProviderPathFromPSPath(certificate));
            }
            else
            {
                arguments.Add("device-code");
            }
            AddClientId(arguments, clientId);
            return null;
        }

        private static void AddClientId(List<string> arguments, string clientId)
        {
            if (string.IsNullOrEmpty(clientId)) return;
            arguments.Add("--client-id");
            arguments.Add(clientId);
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
