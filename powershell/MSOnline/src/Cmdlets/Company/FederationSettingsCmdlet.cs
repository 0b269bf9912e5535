using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Set-MsolDomainFederationSettings and Set-MsolDomainAuthentication share: the
    /// domain and its federation settings, each bound by property name as MSOnline did. The bridge
    /// refuses -DefaultInteractiveAuthenticationMethod and -OpenIdConnectDiscoveryEndpoint (Entra
    /// keeps neither any more) and -SigningCertificateUpdateStatus (the service reports it), rather
    /// than drop them.</summary>
    public abstract class FederationSettingsCmdlet : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public string SigningCertificate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string NextSigningCertificate { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string LogOffUri { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string PassiveLogOnUri { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string ActiveLogOnUri { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string IssuerUri { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string FederationBrandName { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string MetadataExchangeUri { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public AuthenticationProtocol? PreferredAuthenticationProtocol { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public bool? SupportsMfa { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string DefaultInteractiveAuthenticationMethod { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public string OpenIdConnectDiscoveryEndpoint { get; set; }
        // MSOnline's type was an enum whose members are undocumented; text binds whatever a script passes.
        [Parameter(ValueFromPipelineByPropertyName = true)] public string SigningCertificateUpdateStatus { get; set; }
        [Parameter(ValueFromPipelineByPropertyName = true)] public PromptLoginBehavior? PromptLoginBehavior { get; set; }

        protected override object Target()
        {
            return DomainName;
        }
    }
}
