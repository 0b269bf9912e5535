using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDomainVerificationDns: the DNS record to publish so that Confirm-MsolDomain
    /// can verify a domain; the MX record unless -Mode DnsTxtRecord.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDomainVerificationDns")]
    [OutputType(typeof(DomainRecord))]
    public class GetDomainVerificationDns : MsolCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DomainNameCompleter))]
        public string DomainName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DomainVerificationMode? Mode { get; set; }

        protected override object Target()
        {
            return DomainName;
        }

        protected override void ProcessOne()
        {
            WriteObject(Call<DomainRecord>(BoundBody()));
        }
    }
}
