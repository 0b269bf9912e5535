using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolAccountSku: the tenant's subscriptions with their active and consumed units.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolAccountSku")]
    [OutputType(typeof(AccountSKU))]
    public class GetAccountSku : MsolCmdlet
    {
        protected override void ProcessOne()
        {
            WriteAll<AccountSKU>(BoundBody());
        }
    }
}
