using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolDomain: adds a domain, managed and unverified (a subdomain of a verified
    /// domain is verified at once), and returns it; Get-MsolDomainVerificationDns then says what to
    /// publish for Confirm-MsolDomain.</summary>
    [Cmdlet(VerbsCommon.New, "MsolDomain", SupportsShouldProcess = true)]
    [OutputType(typeof(Domain))]
    public class NewDomain : MsolCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DomainAuthenticationType? Authentication { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DomainVerificationMethod? VerificationMethod { get; set; }

        protected override object Target()
        {
            return Name;
        }

        protected override void ProcessOne()
        {
            if (!ShouldProcess(Name, "New-MsolDomain")) return;
            Submit<Domain>(BoundBody(), Name, domain => WriteObject(domain));
        }
    }
}
