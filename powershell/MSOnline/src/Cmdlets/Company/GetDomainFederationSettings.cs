using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDomainFederationSettings: a federated domain's federation settings.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDomainFederationSettings")]
    [OutputType(typeof(DomainFederationSettings))]
    public class GetDomainFederationSettings : MsolCmdlet
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
            WriteObject(Call<DomainFederationSettings>(BoundBody()));
        }
    }
}
