using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolPasswordPolicy: a verified domain's password expiry.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolPasswordPolicy")]
    [OutputType(typeof(PasswordPolicy))]
    public class GetPasswordPolicy : MsolCmdlet
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
            WriteObject(Call<PasswordPolicy>(BoundBody()));
        }
    }
}
