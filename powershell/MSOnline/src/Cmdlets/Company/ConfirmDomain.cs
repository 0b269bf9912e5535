using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Confirm-MsolDomain: verifies a domain once its TXT or MX record
    /// (Get-MsolDomainVerificationDns) is published; a verified domain needs nothing. A record not
    /// found yet is DomainVerificationFailedException, naming the records.</summary>
    [Cmdlet(VerbsLifecycle.Confirm, "MsolDomain", SupportsShouldProcess = true)]
    public class ConfirmDomain : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        protected override object Target()
        {
            return DomainName;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), DomainName, "Verify the domain by its published DNS record");
        }
    }
}
