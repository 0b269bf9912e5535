using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Set-MsolDomainFederationSettings: changes a federated domain's settings; writes only
    /// real changes.</summary>
    [Cmdlet(VerbsCommon.Set, "MsolDomainFederationSettings", SupportsShouldProcess = true)]
    public class SetDomainFederationSettings : FederationSettingsCmdlet
    {
        protected override void ProcessOne()
        {
            Change(BoundBody(), DomainName, "Set-MsolDomainFederationSettings");
        }
    }
}
