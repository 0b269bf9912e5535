using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDomainAuthentication: federates a verified domain with its settings, or makes
    /// a federated domain managed. It changes Microsoft Entra ID only; the AD FS side is the AD FS
    /// server's.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDomainAuthentication", SupportsShouldProcess = true)]
    public class SetDomainAuthentication : FederationSettingsCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public DomainAuthenticationType Authentication { get; set; }

        protected override void ProcessOne()
        {
            Change(BoundBody(), DomainName, "Set-MsolDomainAuthentication " + Authentication);
        }
    }
}
