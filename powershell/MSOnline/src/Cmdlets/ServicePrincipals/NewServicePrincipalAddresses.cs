using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>New-MsolServicePrincipalAddresses: makes an address for New- and
    /// Set-MsolServicePrincipal -Addresses (Reply unless -AddressType says otherwise). It only builds
    /// an object, so it needs no connection; the bridge checks the address when it is used, and
    /// keeps reply addresses only.</summary>
    [Cmdlet(VerbsCommon.New, "MsolServicePrincipalAddresses")]
    [OutputType(typeof(RedirectUri))]
    public class NewServicePrincipalAddresses : PSCmdlet
    {
        [Parameter(Mandatory = true)] [Alias("Value")] public string Address { get; set; }
        [Parameter] public AddressType AddressType { get; set; }

        protected override void ProcessRecord()
        {
            WriteObject(new RedirectUri { Address = Address, AddressType = AddressType });
        }
    }
}
